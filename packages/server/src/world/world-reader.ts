import type { Store } from '../storage/ports.js';
import { readShared } from '../storage/shared/shared-reads.js';
import { normalizeJoinMeetingId } from '../domain/world/meeting-coordinates.js';
import { MEETING_INDEX_KINDS, type MeetingIndexEntry } from './meeting-index.js';
import { WORLD_KINDS, consentId, type Application, type Consent, type Meeting, type Tenant, type User } from '../domain/world/types.js';

/** Read access to the world, shared by the token service, the gateway and the call services. */
export class WorldReader {
  constructor(private readonly store: Pick<Store, 'docs'>) {}

  async tenant(id: string): Promise<Tenant | undefined> {
    return (await this.store.docs.get<Tenant>(WORLD_KINDS.tenant, id))?.data;
  }

  /** Existence only (the token check of every Graph request): a shared read, nothing copied. */
  async hasTenant(id: string): Promise<boolean> {
    return (await readShared(this.store.docs, WORLD_KINDS.tenant, id)) !== undefined;
  }

  /** Accepts a tenant id or its domain, as Entra accepts either in the authority path. */
  async tenantByIdOrDomain(idOrDomain: string): Promise<Tenant | undefined> {
    const byId = await this.tenant(idOrDomain);
    if (byId) return byId;
    const wanted = idOrDomain.toLowerCase();
    return (await this.tenants()).find((t) => t.domain.toLowerCase() === wanted);
  }

  async tenants(): Promise<Tenant[]> {
    return this.all<Tenant>(WORLD_KINDS.tenant);
  }

  async application(appId: string): Promise<Application | undefined> {
    return (await this.store.docs.get<Application>(WORLD_KINDS.application, appId))?.data;
  }

  async applications(): Promise<Application[]> {
    return this.all<Application>(WORLD_KINDS.application);
  }

  async consent(tenantId: string, appId: string): Promise<Consent | undefined> {
    return (await this.store.docs.get<Consent>(WORLD_KINDS.consent, consentId(tenantId, appId)))?.data;
  }

  async consents(): Promise<Consent[]> {
    return this.all<Consent>(WORLD_KINDS.consent);
  }

  async user(id: string): Promise<User | undefined> {
    return (await this.store.docs.get<User>(WORLD_KINDS.user, id))?.data;
  }

  async users(): Promise<User[]> {
    return this.all<User>(WORLD_KINDS.user);
  }

  async meeting(id: string): Promise<Meeting | undefined> {
    return (await this.store.docs.get<Meeting>(WORLD_KINDS.meeting, id))?.data;
  }

  async meetings(): Promise<Meeting[]> {
    return this.all<Meeting>(WORLD_KINDS.meeting);
  }

  /** The meeting whose chat is this thread (a join link's thread id, or `chatInfo.threadId`). */
  async meetingByThreadId(threadId: string): Promise<Meeting | undefined> {
    const meeting = await this.indexed(MEETING_INDEX_KINDS.byThreadId, threadId);
    return meeting?.chatThreadId === threadId ? meeting : undefined;
  }

  /** `joinMeetingIdMeetingInfo.joinMeetingId`; spaces (as Teams prints the id) are ignored. */
  async meetingByJoinMeetingId(joinMeetingId: string): Promise<Meeting | undefined> {
    const wanted = normalizeJoinMeetingId(joinMeetingId);
    const meeting = await this.indexed(MEETING_INDEX_KINDS.byJoinMeetingId, wanted);
    return meeting?.joinMeetingId === wanted ? meeting : undefined;
  }

  /** Two gets, not a scan: the index is kept in step with every meeting write (meeting-index.ts). */
  private async indexed(kind: string, key: string): Promise<Meeting | undefined> {
    const entry = await this.store.docs.get<MeetingIndexEntry>(kind, key);
    return entry ? this.meeting(entry.data.meetingId) : undefined;
  }

  private async all<T>(kind: string): Promise<T[]> {
    return (await this.store.docs.list<T>(kind)).map((d) => d.data);
  }
}
