import { afterEach, beforeEach } from 'node:test';
import { LATENCY_PROFILES, type LatencyProfile } from '../../src/calls/latency.js';
import { MeetingControlsService } from '../../src/calls/meeting-controls-service.js';
import type { Call } from '../../src/domain/calls/types.js';
import { DomainError, type ErrorId } from '../../src/domain/errors/index.js';
import { DEMO } from '../../src/world/demo-world.js';
import { WorldReader } from '../../src/world/world-reader.js';
import { WorldService } from '../../src/world/world-service.js';
import { callKit, checkCallbackUri, demoBot, joinCommand, STANDUP, type CallKit, type CallKitOptions } from './call-kit.js';

/** The call kit plus the meeting-controls service on the same store, clock and recorded notifications. */
export interface ControlsKit extends CallKit {
  controls: MeetingControlsService;
  world: WorldService;
}

/** Ids of the controls service (`c-1`, …), distinct from the call kit's `id-n`. */
function controlIds(): () => string {
  let n = 0;
  return () => `c-${++n}`;
}

export async function controlsKit(options: CallKitOptions = {}): Promise<ControlsKit> {
  const kit = await callKit(options);
  const latency: LatencyProfile = options.latency ?? LATENCY_PROFILES.instant;
  const deps = { store: kit.store, clock: kit.clock, world: new WorldReader(kit.store), notifications: kit.notifications, latency, wake: kit.wake, checkCallbackUri, newId: controlIds() };
  return { ...kit, controls: new MeetingControlsService(deps), world: new WorldService(kit.store, kit.clock) };
}

/** A fresh kit per test. */
export function useControlsKit(options: CallKitOptions = {}): () => ControlsKit {
  let kit: ControlsKit | undefined;
  beforeEach(async () => {
    kit = await controlsKit(options);
  });
  afterEach(async () => {
    await kit?.close();
  });
  return () => {
    if (!kit) throw new Error('useControlsKit: no kit outside a test');
    return kit;
  };
}

export const fails = (id: ErrorId) => (error: unknown): boolean => error instanceof DomainError && error.id === id;

export interface Standup {
  bot: Call;
  /** The bot's own participant id. */
  me: string;
  alex: string;
  megan: string;
}

/** The demo bot in the stand-up with Alex and Megan, established, notifications so far cleared. */
export async function standupWithPeople(kit: ControlsKit, overrides: Parameters<typeof joinCommand>[1] = {}): Promise<Standup> {
  const created = await kit.calls.createCall(demoBot, joinCommand(STANDUP, overrides));
  await kit.runTimers();
  const alex = await kit.people.joinMeeting(STANDUP.id, { userId: DEMO.users.alex.id });
  const megan = await kit.people.joinMeeting(STANDUP.id, { userId: DEMO.users.megan.id });
  kit.notifications.clear();
  const bot = await kit.calls.getCall(demoBot, created.id);
  return { bot, me: bot.myParticipantId!, alex: alex.participantId, megan: megan.participantId };
}

/** A second established leg of the demo bot in the same meeting (it hears the roster too). */
export async function secondLeg(kit: ControlsKit): Promise<Call> {
  const call = await kit.calls.createCall(demoBot, joinCommand(STANDUP));
  await kit.runTimers();
  kit.notifications.clear();
  return kit.calls.getCall(demoBot, call.id);
}
