import { DomainError } from '../domain/errors/index.js';
import type { Clock } from '../domain/clock.js';
import type { IdGenerator } from '../domain/world/ids.js';
import { WORLD_KINDS, type Application, type Consent, type Meeting, type Tenant, type User, type WorldSnapshot } from '../domain/world/types.js';
import { checkWorld, type WorldDraft, type WorldProblem } from '../domain/world/world-check.js';
import { VersionConflictError, type DocumentPort, type Store, type StoredDoc } from '../storage/ports.js';
import { formatPath } from './world-file-error.js';
import { meetingIdsSharingKeys, rebuildMeetingIndexes, reindexMeeting } from './meeting-index.js';

/** What every world use case needs: the store, time, fresh ids and the secret hasher. */
export interface WorldContext {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  hashSecret(value: string): string;
}

export type WorldKind = (typeof WORLD_KINDS)[keyof typeof WORLD_KINDS];

/** Runs a use case in one store transaction; a lost optimistic race becomes a 409 the caller can retry. */
export async function inWorldTx<T>(ctx: WorldContext, work: (tx: WorldTx) => Promise<T>): Promise<T> {
  try {
    return await ctx.store.transaction((tx) => work(new WorldTx(tx.docs)));
  } catch (error) {
    if (error instanceof VersionConflictError) throw new DomainError('versionConflict');
    throw error;
  }
}

/**
 * Document access for world kinds, every write carrying the version it was based on. Meeting
 * writes also maintain the meeting indexes (meeting-index.ts), in the same transaction.
 */
export class WorldTx {
  constructor(private readonly docs: DocumentPort) {}

  find<T>(kind: WorldKind, id: string): Promise<StoredDoc<T> | undefined> {
    return this.docs.get<T>(kind, id);
  }

  async all<T>(kind: WorldKind): Promise<StoredDoc<T>[]> {
    return this.docs.list<T>(kind);
  }

  async snapshot(): Promise<WorldSnapshot> {
    const data = async <T>(kind: WorldKind): Promise<T[]> => (await this.all<T>(kind)).map((d) => d.data);
    const [tenants, users, applications, consents, meetings] = await Promise.all([
      data<Tenant>(WORLD_KINDS.tenant),
      data<User>(WORLD_KINDS.user),
      data<Application>(WORLD_KINDS.application),
      data<Consent>(WORLD_KINDS.consent),
      data<Meeting>(WORLD_KINDS.meeting),
    ]);
    return { tenants, users, applications, consents, meetings };
  }

  async ensureAbsent(kind: WorldKind, id: string): Promise<void> {
    if (await this.find(kind, id)) throw new DomainError('alreadyExists', { kind, id });
  }

  /** Creates a document that must not exist yet (version 0 makes a racing create lose). */
  async insert<T>(kind: WorldKind, id: string, data: T): Promise<T> {
    await this.reindex(kind, undefined, data);
    return (await this.docs.put(kind, id, data, 0)).data;
  }

  async update<T>(doc: StoredDoc<T>, data: T): Promise<T> {
    await this.reindex(doc.kind, doc.data, data);
    return (await this.docs.put(doc.kind, doc.id, data, doc.version)).data;
  }

  /** Creates or overwrites, still guarded by the version that was read. */
  async upsert<T>(kind: WorldKind, id: string, data: T): Promise<void> {
    const existing = await this.find<T>(kind, id);
    await this.reindex(kind, existing?.data, data);
    await this.docs.put(kind, id, data, existing?.version ?? 0);
  }

  async remove(doc: StoredDoc): Promise<void> {
    await this.reindex(doc.kind, doc.data, undefined);
    await this.docs.delete(doc.kind, doc.id, doc.version);
  }

  /** Rewrites the meeting indexes from the stored meetings (seeding; covers stores older than the indexes). */
  async rebuildMeetingIndexes(): Promise<void> {
    await rebuildMeetingIndexes(this.docs, (await this.all<Meeting>(WORLD_KINDS.meeting)).map((d) => d.data));
  }

  /**
   * All that checkWorld reads to judge one meeting: its tenant, its organizer and the meetings
   * already holding its join id or thread id (by index). Loading this instead of the whole world
   * keeps creating a meeting O(1) in the number of meetings and users.
   */
  async meetingCheckBase(meeting: Meeting): Promise<WorldDraft> {
    const data = async <T>(kind: WorldKind, id: string): Promise<T[]> => {
      const doc = await this.find<T>(kind, id);
      return doc ? [doc.data] : [];
    };
    const [tenants, users, meetings] = await Promise.all([
      data<Tenant>(WORLD_KINDS.tenant, meeting.tenantId),
      data<User>(WORLD_KINDS.user, meeting.organizerId),
      meetingIdsSharingKeys(this.docs, meeting).then(async (ids) => (await Promise.all(ids.map((id) => data<Meeting>(WORLD_KINDS.meeting, id)))).flat()),
    ]);
    return { tenants, users, meetings };
  }

  private async reindex(kind: string, previous: unknown, next: unknown): Promise<void> {
    if (kind === WORLD_KINDS.meeting) await reindexMeeting(this.docs, previous as Meeting | undefined, next as Meeting | undefined);
  }
}

/** Checks a change against the stored world (or the part of it given as `base`); a problem becomes a 400 naming the field. */
export async function assertValidChange(tx: WorldTx, draft: WorldDraft, base?: WorldDraft): Promise<void> {
  const problems = checkWorld(draft, base ?? (await tx.snapshot()));
  if (problems.length) throw validationFailed(problems, (path) => formatPath(path.slice(2)));
}

export function validationFailed(problems: WorldProblem[], field: (path: WorldProblem['path']) => string = formatPath): DomainError {
  return new DomainError('validationFailed', { details: problems.map((p) => `${field(p.path)}: ${p.message}`).join('; ') });
}

export function isoNow(ctx: WorldContext): string {
  return new Date(ctx.clock.now()).toISOString();
}
