import { after, afterEach, before } from 'node:test';
import { DEMO } from '../../../src/world/demo-world.js';
import { startE2e, type E2e, type E2eOptions } from './harness.js';
import { people, type People } from './people.js';

export interface MeetingE2eOptions extends E2eOptions {
  /** Meetings whose people and calls are ended (default the demo standup); [] for none. */
  endMeetings?: readonly string[];
  /** After each test (default), or once before the server closes. */
  endMeetingsAfter?: 'each' | 'all';
}

export interface MeetingE2e {
  e2e: E2e;
  p: People;
}

/**
 * The describe-level setup most e2e suites share: one server for the block, the people helper
 * over its control API, the meetings the tests use ended between tests so they do not leak calls
 * into each other, and the server closed at the end. Call it in the describe body; hooks a suite
 * registers afterwards run after these.
 *
 * The returned `e2e` and `p` are late-bound (filled in by `before`), so a suite can destructure
 * them at describe time and keep writing `e2e.graph…` and `p.join…` in its tests.
 */
export function useMeetingE2e(options: MeetingE2eOptions = {}): MeetingE2e {
  const { endMeetings = [DEMO.meetings.standup.id], endMeetingsAfter = 'each', ...e2eOptions } = options;
  let current: MeetingE2e | undefined;
  const now = (): MeetingE2e => {
    if (!current) throw new Error('useMeetingE2e: used outside a test (before its `before` hook ran)');
    return current;
  };
  const endAll = async () => {
    for (const meetingId of endMeetings) await now().p.endMeeting(meetingId);
  };
  before(async () => {
    const e2e = await startE2e(e2eOptions);
    current = { e2e, p: people(e2e.control) };
  });
  if (endMeetingsAfter === 'each') afterEach(endAll);
  after(async () => {
    if (!current) return;
    if (endMeetingsAfter === 'all') await endAll();
    await current.e2e.close();
  });
  return { e2e: lateBound(() => now().e2e), p: lateBound(() => now().p) };
}

/** A stand-in that forwards every property read to the object `target()` returns at that moment. */
function lateBound<T extends object>(target: () => T): T {
  return new Proxy({} as T, {
    get(_stub, property) {
      const object = target();
      const value: unknown = Reflect.get(object, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}
