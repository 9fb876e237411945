import type { WaitableClock } from '../../src/domain/clock.js';
import type { Call, Participant } from '../../src/domain/calls/types.js';
import { DomainError } from '../../src/domain/errors/index.js';
import type { ScenarioPeople, ScenarioServices } from '../../src/simulation/scenario-ports.js';

/** A virtual clock: waiting jumps straight to the deadline, so a 90-minute scenario runs at once. */
export class JumpingClock implements WaitableClock {
  constructor(public current = 1_700_000_000_000) {}
  now(): number {
    return this.current;
  }
  async waitUntil(at: number, signal?: AbortSignal): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
    this.current = Math.max(this.current, at);
  }
}

/** Records every people action as `<clock offset> <action> <who>`; numbered participants. */
export function fakeServices(options: { lobby?: Set<string>; appJoinsAt?: number } = {}): { services: ScenarioServices; actions: string[]; clock: JumpingClock } {
  const clock = new JumpingClock();
  const start = clock.now();
  const actions: string[] = [];
  const names = new Map<string, string>();
  let next = 0;
  const log = (action: string, who: string) => actions.push(`${clock.now() - start} ${action} ${names.get(who) ?? who}`);
  const seat = (action: string) => async (_conf: string, pid: string) => void log(action, pid);
  const people: ScenarioPeople = {
    joinMeeting: async (_meetingId, person) => {
      const participantId = `p${++next}`;
      const name = person.userId ?? person.guest?.displayName ?? person.phone?.number ?? '?';
      names.set(participantId, name);
      log('join', participantId);
      return { conferenceId: 'conf', participantId, isInLobby: options.lobby?.has(name) ?? false };
    },
    roster: async (meetingId) => {
      const bot = options.appJoinsAt !== undefined && clock.now() - start >= options.appJoinsAt;
      return { meetingId, rosterSequence: 1, participants: bot ? [{ kind: 'app', isInLobby: false, identity: { kind: 'application', id: 'bot' } } as Participant] : [] };
    },
    participant: async () => ({ isInLobby: false }) as Participant,
    leave: seat('leave'),
    mute: seat('mute'),
    unmute: seat('unmute'),
    admit: seat('admit'),
    remove: seat('remove'),
    endMeeting: async () => void log('endMeeting', 'meeting'),
    callApp: async (userId) => ({ id: `call-${userId}`, conferenceId: 'p2p' }) as Call,
    hangUp: async (callId) => void log('hangUp', callId),
    getCall: async () => {
      throw new DomainError('callNotFound');
    },
    listCalls: async () => [],
  };
  const fallbacks = { shareScreen: seat('share'), stopScreenSharing: seat('unshare'), pressKeys: seat('pressKeys'), pressKeysOnCall: async (callId: string, tones: string[]) => void log(`pressKeys ${tones.join(',')}`, callId) };
  return { services: { people, fallbacks, time: clock }, actions, clock };
}
