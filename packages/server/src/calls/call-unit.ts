import { isConnected } from '../domain/calls/call-rules.js';
import type { Call, CallEvent, Conference, Operation, Participant } from '../domain/calls/types.js';
import { DomainError } from '../domain/errors/index.js';
import { CALLBACK_STREAM } from '../notify/callback-message.js';
import type { DocumentPort, StoreTx } from '../storage/ports.js';
import { readShared } from '../storage/shared/shared-reads.js';
import { WorldReader } from '../world/world-reader.js';
import { LEG_TIMER_KINDS, callTimerKey, type CallTimer, type CallTimerKind } from './call-timers.js';
import type { NotificationFactory } from './notification-factory.js';
import { sharedRosterCache, type RosterCache } from './roster-cache.js';
import { CONFERENCE_KIND } from './roster-docs.js';
import { UnitConferences } from './unit-conferences.js';

/** Document kinds of the calling area. */
export const CALL_KINDS = {
  call: 'call',
  /** The header; the roster is stored as ROSTER_ENTRY_KIND documents (roster-docs.ts). */
  conference: CONFERENCE_KIND,
  /** Index: meeting id → the conference in progress for it. */
  meetingConference: 'meeting-conference',
  /** commsOperations, keyed by operation id (GET …/calls/{callId}/operations/{id}). */
  operation: 'operation',
} as const;

interface MeetingLink {
  conferenceId: string;
}

interface Tracked {
  kind: string;
  id: string;
  data: unknown;
  /** The version read (0 = new), written back as the expected version. */
  version: number;
  state: 'clean' | 'dirty' | 'deleted';
}

/**
 * The unit of work of one use case inside one transaction: documents read once and written back
 * with the version they were read at (a concurrent writer makes the commit fail, not overwrite),
 * notifications appended in the order events happen, and the leg timers.
 */
export class CallUnit {
  readonly world: WorldReader;
  touchedOutbox = false;
  touchedTimers = false;
  private readonly docs = new Map<string, Tracked>();
  private readonly conferences: UnitConferences;

  constructor(
    private readonly tx: StoreTx,
    private readonly notifications: NotificationFactory,
    rosters: RosterCache = sharedRosterCache,
  ) {
    this.world = new WorldReader(tx);
    this.conferences = new UnitConferences(tx.docs, rosters);
  }

  /** The transaction's documents, for what must commit with this unit but is not a call document (fault rule counters). */
  get txDocs(): DocumentPort {
    return this.tx.docs;
  }

  async call(id: string): Promise<Call | undefined> {
    return this.read<Call>(CALL_KINDS.call, id);
  }

  async requireCall(id: string): Promise<Call> {
    const call = await this.call(id);
    if (!call) throw new DomainError('callNotFound');
    return call;
  }

  async conference(id: string | undefined): Promise<Conference | undefined> {
    return id === undefined ? undefined : this.conferences.get(id);
  }

  /** An active conference, or conferenceNotFound. */
  async requireConference(id: string): Promise<Conference> {
    const conference = await this.conference(id);
    if (!conference || conference.state !== 'active') throw new DomainError('conferenceNotFound', { conferenceId: id });
    return conference;
  }

  async meetingConference(meetingId: string): Promise<Conference | undefined> {
    const link = await this.read<MeetingLink>(CALL_KINDS.meetingConference, meetingId);
    return link && this.conference(link.conferenceId);
  }

  /** An operation of this call, or operationNotFound (also for another call's operation). */
  async requireOperation(callId: string, operationId: string): Promise<Operation> {
    const operation = await this.read<Operation>(CALL_KINDS.operation, operationId);
    if (!operation || operation.callId !== callId) throw new DomainError('operationNotFound', { operationId });
    return operation;
  }

  /** Any call's operation by id (recordings are addressed by their operation id alone). */
  async operation(operationId: string): Promise<Operation | undefined> {
    return this.read<Operation>(CALL_KINDS.operation, operationId);
  }

  async putOperation(operation: Operation): Promise<void> {
    await this.write(CALL_KINDS.operation, operation.id, operation);
  }

  /**
   * An operation with a fresh id: nothing is read first (there is nothing to read), and it is
   * written as "must not exist yet", so an id that is taken fails the commit instead of
   * overwriting another operation.
   */
  addOperation(operation: Operation): void {
    this.docs.set(`${CALL_KINDS.operation}/${operation.id}`, { kind: CALL_KINDS.operation, id: operation.id, data: operation, version: 0, state: 'dirty' });
  }

  async putCall(call: Call): Promise<void> {
    await this.write(CALL_KINDS.call, call.id, call);
  }

  /** Saves a conference; a meeting's conference is also indexed by the meeting id. */
  async putConference(conference: Conference): Promise<void> {
    await this.conferences.put(conference);
    if (!conference.meetingId) return;
    const link = await this.read<MeetingLink>(CALL_KINDS.meetingConference, conference.meetingId);
    if (link?.conferenceId !== conference.id) await this.write(CALL_KINDS.meetingConference, conference.meetingId, { conferenceId: conference.id } satisfies MeetingLink);
  }

  /** An ended conference is deleted; a later join of the same meeting starts a new roster. */
  async dropConference(conference: Conference): Promise<void> {
    await this.conferences.drop(conference.id);
    const link = conference.meetingId ? await this.read<MeetingLink>(CALL_KINDS.meetingConference, conference.meetingId) : undefined;
    if (conference.meetingId && link?.conferenceId === conference.id) await this.remove(CALL_KINDS.meetingConference, conference.meetingId);
  }

  async dropCall(call: Call): Promise<void> {
    await this.remove(CALL_KINDS.call, call.id);
  }

  /** Turns events into outbox messages, one per app leg the event concerns (see audience()). */
  async emit(events: CallEvent[], only?: Call): Promise<void> {
    for (const event of events) {
      for (const { leg, self } of only ? [{ leg: only }] : await this.audience(event)) {
        const message = this.notifications.forLeg(event, leg, self);
        if (!message) continue;
        await this.tx.outbox.append([{ stream: CALLBACK_STREAM(leg.id), payload: message }]);
        this.touchedOutbox = true;
      }
    }
  }

  async setTimer(kind: CallTimerKind, callId: string, dueAt: number, operationId?: string): Promise<void> {
    const timer: CallTimer = { kind, callId, ...(operationId ? { operationId } : {}) };
    await this.tx.timers.set(callTimerKey(kind, callId, operationId), dueAt, timer);
    this.touchedTimers = true;
  }

  async cancelTimer(kind: CallTimerKind, callId: string): Promise<void> {
    await this.tx.timers.cancel(callTimerKey(kind, callId));
  }

  async cancelLegTimers(callId: string): Promise<void> {
    for (const kind of LEG_TIMER_KINDS) await this.cancelTimer(kind, callId);
  }

  /** Removes a fired timer in this transaction, unless the use case set it again. */
  async completeTimer(key: string, owner: string): Promise<void> {
    await this.tx.timers.complete(key, owner);
  }

  async flush(): Promise<void> {
    await this.conferences.flush();
    for (const doc of this.docs.values()) {
      if (doc.state === 'dirty') await this.tx.docs.put(doc.kind, doc.id, doc.data, doc.version);
      if (doc.state === 'deleted' && doc.version > 0) await this.tx.docs.delete(doc.kind, doc.id, doc.version);
    }
  }

  /**
   * Call events go to the leg itself. Roster events go to every app leg of the conference that is
   * connected and not waiting in the lobby: a lobby guest sees no roster until admitted
   * (BEHAVIOR.md §4), and a leg still establishing gets the whole roster once established.
   * Each of those comes with its own roster entry, so the notification need not search a
   * 10,000-entry roster again per leg (docs/perf/join.md, round 3).
   */
  private async audience(event: CallEvent): Promise<{ leg: Call; self?: Participant }[]> {
    if (event.type.startsWith('call:') || event.type === 'operation:finished') return [{ leg: (event as { call: Call }).call }];
    const { conference } = event as { conference: Conference };
    const legs: { leg: Call; self: Participant }[] = [];
    for (const participant of conference.participants) {
      if (participant.kind !== 'app' || participant.isInLobby || !participant.callId) continue;
      const leg = await this.call(participant.callId);
      if (leg && isConnected(leg.state)) legs.push({ leg, self: participant });
    }
    return legs;
  }

  private async read<T>(kind: string, id: string): Promise<T | undefined> {
    const key = `${kind}/${id}`;
    const known = this.docs.get(key);
    if (known) return known.state === 'deleted' ? undefined : (known.data as T);
    // Use cases treat documents as values (domain functions return changed copies), so the
    // store's own copy will do: nothing is copied that the use case does not change.
    const stored = await readShared<T>(this.tx.docs, kind, id);
    if (stored) this.docs.set(key, { kind, id, data: stored.data, version: stored.version, state: 'clean' });
    return stored?.data;
  }

  /** Reads first (when not read yet) so the write carries the stored version, or 0 for a new document. */
  private async write(kind: string, id: string, data: unknown): Promise<void> {
    await this.read(kind, id);
    const known = this.docs.get(`${kind}/${id}`);
    this.docs.set(`${kind}/${id}`, { kind, id, data, version: known?.version ?? 0, state: 'dirty' });
  }

  private async remove(kind: string, id: string): Promise<void> {
    await this.read(kind, id);
    const known = this.docs.get(`${kind}/${id}`);
    this.docs.set(`${kind}/${id}`, { kind, id, data: undefined, version: known?.version ?? 0, state: 'deleted' });
  }
}
