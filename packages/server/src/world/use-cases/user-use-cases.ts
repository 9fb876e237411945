import { DomainError } from '../../domain/errors/index.js';
import { WORLD_KINDS, type User } from '../../domain/world/types.js';
import { assertValidChange, inWorldTx, type WorldContext } from '../world-tx.js';
import type { UserCreate, UserPatch } from '../world-inputs.schema.js';
import { describeReferences, requireUser } from './resolve.js';

export function getUser(ctx: WorldContext, userId: string): Promise<User> {
  return inWorldTx(ctx, async (tx) => (await requireUser(tx, userId)).data);
}

export function createUser(ctx: WorldContext, input: UserCreate): Promise<User> {
  return inWorldTx(ctx, async (tx) => {
    const user: User = {
      id: input.id ?? ctx.ids.newId(),
      tenantId: input.tenantId,
      displayName: input.displayName,
      userPrincipalName: input.userPrincipalName,
      ...(input.complianceRecordingPolicy ? { complianceRecordingPolicy: input.complianceRecordingPolicy } : {}),
      ...(input.answerMode ? { answerMode: input.answerMode } : {}),
    };
    await tx.ensureAbsent(WORLD_KINDS.user, user.id);
    await assertValidChange(tx, { users: [user] });
    return tx.insert(WORLD_KINDS.user, user.id, user);
  });
}

export function updateUser(ctx: WorldContext, userId: string, patch: UserPatch): Promise<User> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireUser(tx, userId);
    const next: User = { ...doc.data, ...patch };
    await assertValidChange(tx, { users: [next] });
    return tx.update(doc, next);
  });
}

/** Refused while the user organizes a meeting: the meeting's join link names its organizer. */
export function deleteUser(ctx: WorldContext, userId: string): Promise<void> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireUser(tx, userId);
    const { meetings } = await tx.snapshot();
    const references = describeReferences([meetings.filter((m) => m.organizerId === doc.data.id).length, 'meeting they organize', 'meetings they organize']);
    if (references) throw new DomainError('stillReferenced', { kind: 'User', id: doc.data.id, references });
    await tx.remove(doc);
  });
}
