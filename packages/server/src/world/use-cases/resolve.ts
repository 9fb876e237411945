import { DomainError } from '../../domain/errors/index.js';
import { WORLD_KINDS, consentId, type Application, type Consent, type Meeting, type Tenant, type User } from '../../domain/world/types.js';
import type { StoredDoc } from '../../storage/ports.js';
import type { WorldTx } from '../world-tx.js';

/** Path ids resolve case-insensitively (GUIDs are stored lowercase); a miss is the kind's 404. */

export async function requireTenant(tx: WorldTx, idOrDomain: string): Promise<StoredDoc<Tenant>> {
  const wanted = idOrDomain.toLowerCase();
  const doc = (await tx.find<Tenant>(WORLD_KINDS.tenant, wanted)) ?? (await tx.all<Tenant>(WORLD_KINDS.tenant)).find((d) => d.data.domain.toLowerCase() === wanted);
  if (!doc) throw new DomainError('tenantNotFound', { tenant: idOrDomain });
  return doc;
}

export async function requireUser(tx: WorldTx, userId: string): Promise<StoredDoc<User>> {
  const doc = await tx.find<User>(WORLD_KINDS.user, userId.toLowerCase());
  if (!doc) throw new DomainError('userNotFound', { userId });
  return doc;
}

export async function requireApplication(tx: WorldTx, appId: string): Promise<StoredDoc<Application>> {
  const doc = await tx.find<Application>(WORLD_KINDS.application, appId.toLowerCase());
  if (!doc) throw new DomainError('applicationNotFound', { appId });
  return doc;
}

export async function requireMeeting(tx: WorldTx, meetingId: string): Promise<StoredDoc<Meeting>> {
  const doc = await tx.find<Meeting>(WORLD_KINDS.meeting, meetingId.toLowerCase());
  if (!doc) throw new DomainError('meetingNotFound', { meetingId });
  return doc;
}

export async function findConsent(tx: WorldTx, tenantId: string, appId: string): Promise<StoredDoc<Consent> | undefined> {
  return tx.find<Consent>(WORLD_KINDS.consent, consentId(tenantId, appId));
}

/** "3 users, 1 meeting": what still points at something a caller wants to delete. */
export function describeReferences(...counts: [count: number, singular: string, plural: string][]): string | undefined {
  const parts = counts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return parts.length ? parts.join(', ') : undefined;
}
