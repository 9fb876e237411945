import assert from 'node:assert/strict';
import { afterEach, beforeEach } from 'node:test';
import { CallService } from '../../src/calls/call-service.js';
import type { Caller, CreateCallCommand } from '../../src/calls/calls-api.js';
import { LATENCY_PROFILES, type LatencyProfile } from '../../src/calls/latency.js';
import type { NotificationFactory } from '../../src/calls/notification-factory.js';
import { PeopleService } from '../../src/calls/people-service.js';
import { runDueTimers } from '../../src/calls/timer-runner.js';
import type { Call, CallEvent, Participant } from '../../src/domain/calls/types.js';
import { ManualClock } from '../../src/domain/clock.js';
import { DomainError } from '../../src/domain/errors/index.js';
import { CALLING_PERMISSIONS } from '../../src/domain/world/permissions.js';
import type { CallbackMessage } from '../../src/notify/callback-message.js';
import { peopleRoutes } from '../../src/http/control/people-routes.js';
import type { RouteReply } from '../../src/http/control/route-table.js';
import type { Services } from '../../src/services.js';
import { Wakeup } from '../../src/runtime/wakeup.js';
import { openStore } from '../../src/storage/open-store.js';
import type { Store } from '../../src/storage/ports.js';
import { DEMO } from '../../src/world/demo-world.js';
import { WorldReader } from '../../src/world/world-reader.js';
import { WorldService } from '../../src/world/world-service.js';

export const T0 = Date.parse('2026-01-15T10:00:00Z');

export interface Sent {
  /** Event type, with the call state for call events (e.g. `call:stateChanged:established`). */
  event: string;
  leg: string;
  /** Participant ids of roster events. */
  participants?: string[];
}

/**
 * A fake NotificationFactory: records which leg got which event, in order, and returns a message
 * whose body says the same, so tests can read the outbox too. `silence` drops events of a type.
 */
export class RecordingNotifications implements NotificationFactory {
  readonly sent: Sent[] = [];

  /** The own roster entry each leg was handed with an event (`leg → participant id`), in order. */
  readonly selves: string[] = [];

  forLeg(event: CallEvent, leg: Call, self?: Participant): CallbackMessage {
    if (self) this.selves.push(`${leg.id} → ${self.id}`);
    const entry = describe(event, leg.id);
    this.sent.push(entry);
    return { kind: 'callback', callId: leg.id, appId: leg.appId, tenantId: leg.tenantId, url: leg.callbackUri, body: { ...entry }, summary: entry.event };
  }

  /** What `leg` was sent, as `event` strings (roster events with their participant ids). */
  to(leg: string): string[] {
    return this.sent.filter((s) => s.leg === leg).map((s) => (s.participants ? `${s.event} [${s.participants.join(',')}]` : s.event));
  }

  clear(): void {
    this.sent.length = 0;
    this.selves.length = 0;
  }
}

function describe(event: CallEvent, leg: string): Sent {
  if (event.type === 'call:created' || event.type === 'call:stateChanged' || event.type === 'call:deleted') return { event: `${event.type}:${event.call.state}`, leg };
  if (event.type === 'operation:finished') return { event: `${event.type}:${event.operation.type}:${event.operation.status}`, leg };
  if (event.type === 'call:tone') return { event: `call:tone:${event.tone}:${event.sequenceId}`, leg };
  if (event.type === 'contentSharing:changed') return { event: `${event.type}:${event.changeType}`, leg };
  return { event: event.type, leg, participants: event.participants.map((p: Participant) => p.id) };
}

/** Predictable ids: id-1, id-2, … */
export function sequentialIds(): () => string {
  let n = 0;
  return () => `id-${++n}`;
}

export interface CallKitOptions {
  latency?: LatencyProfile;
  store?: Store;
  clock?: ManualClock;
  seed?: boolean;
}

export interface CallKit {
  store: Store;
  clock: ManualClock;
  calls: CallService;
  people: PeopleService;
  notifications: RecordingNotifications;
  wake: { outbox: Wakeup; timers: Wakeup };
  /** Fires every timer due at the current clock time (and those they make due). */
  runTimers(): Promise<number>;
  /** Moves the clock, then fires what fell due. */
  advance(ms: number): Promise<number>;
  close(): Promise<void>;
}

export async function callKit(options: CallKitOptions = {}): Promise<CallKit> {
  const clock = options.clock ?? new ManualClock(T0);
  const store = options.store ?? (await openStore({ inMemory: true, dataDir: '.switchboard-unused', clock }));
  if (options.seed ?? true) await new WorldService(store, clock).seed();
  const notifications = new RecordingNotifications();
  const wake = { outbox: new Wakeup(), timers: new Wakeup() };
  const deps = { store, clock, world: new WorldReader(store), notifications, latency: options.latency ?? LATENCY_PROFILES.instant, wake, checkCallbackUri, newId: sequentialIds() };
  const calls = new CallService(deps);
  const people = new PeopleService(deps);
  const runTimers = (): Promise<number> => runDueTimers({ store, clock, service: calls, owner: 'test-node', leaseMs: 30_000, log: failLoudly });
  const advance = async (ms: number): Promise<number> => {
    clock.advance(ms);
    return runTimers();
  };
  return { store, clock, calls, people, notifications, wake, runTimers, advance, close: () => store.close() };
}

/** A fresh kit per test of the calling describe block. */
export function useCallKit(options: CallKitOptions = {}): () => CallKit {
  let kit: CallKit | undefined;
  beforeEach(async () => {
    kit = await callKit(options);
  });
  afterEach(async () => {
    await kit?.close();
  });
  return () => {
    if (!kit) throw new Error('useCallKit: no kit outside a test');
    return kit;
  };
}

/** Stand-in for the notify engineer's URL policy: https only. */
export function checkCallbackUri(url: string): void {
  if (!url.startsWith('https://')) throw new DomainError('badRequest', {}, { message: `callback URL not allowed: ${url}` });
}

function failLoudly(message: string, error?: unknown): void {
  throw new Error(`timer runner: ${message}`, { cause: error });
}

/** The demo bot, with every calling permission in Contoso. */
export const demoBot: Caller = { appId: DEMO.appId, tenantId: DEMO.tenantId, roles: [...CALLING_PERMISSIONS] };

export const botWith = (roles: string[], tenantId: string = DEMO.tenantId): Caller => ({ appId: DEMO.appId, tenantId, roles });

export const STANDUP = DEMO.meetings.standup;
export const TOWN_HALL = DEMO.meetings.townHall;
export const PARTNER_SYNC = DEMO.meetings.partnerSync;

/** A create-call command joining a meeting by joinMeetingId + passcode (service-hosted media). */
export function joinCommand(meeting: { joinMeetingId: string; passcode: string }, overrides: Partial<CreateCallCommand> = {}): CreateCallCommand {
  return {
    version: 'v1.0',
    viaAppAlias: false,
    callbackUri: 'https://bot.example/callback',
    mediaHosting: 'service',
    requestedModalities: ['audio'],
    targets: [],
    meeting: { method: 'joinMeetingId', joinMeetingId: meeting.joinMeetingId, passcode: meeting.passcode },
    contentSharingNotifications: false,
    echo: {},
    ...overrides,
  };
}

/** A create-call command calling users (one: peer to peer; several: a group call). */
export function callUsersCommand(userIds: string[], overrides: Partial<CreateCallCommand> = {}): CreateCallCommand {
  const { meeting: _none, ...base } = joinCommand(STANDUP);
  return { ...base, targets: userIds.map((id) => ({ kind: 'user', id })), ...overrides };
}

/** Pending outbox messages: [stream, event] in delivery order. */
export async function outbox(store: Store): Promise<[string, string][]> {
  const pending = await store.outbox.pending<CallbackMessage>();
  return pending.map((m) => [m.stream, String(m.payload.body.event)]);
}

/** Runs a people route's handler as register.ts does and checks the answer against its response schema. */
export async function invokePeopleRoute(kit: CallKit, operationId: string, params: Record<string, string>, body?: unknown): Promise<RouteReply> {
  const row = peopleRoutes.find((r) => r.operationId === operationId);
  assert.ok(row, `no route ${operationId}`);
  const services = { people: kit.people } as unknown as Services;
  const reply = await row.handle({ params, query: {}, body: row.body ? row.body.parse(body) : undefined, services });
  if (row.response) assert.ok(row.response.safeParse(reply.body).success, `${operationId} answered outside its schema`);
  return reply;
}
