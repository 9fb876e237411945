import { createMeetings, joinBots, type BenchMeeting, type BotCall } from '../phases.js';
import type { ServerSample } from '../server-protocol.js';
import type { JoinSession } from './join-session.js';

export interface CallsPlan {
  /** Bots per round, one meeting each. */
  calls: number;
  /** People seeded per round, spread evenly over the meetings. */
  participants: number;
  /** Create-call requests in flight. */
  concurrency: number;
  budgetMs: number;
}

export interface CallsRoundResult {
  callsPerSecond: number;
  /** POST /communications/calls sent → `established` at the bot, per call (ms). */
  establishedMs: number[];
  heapPerCallKiB: number;
  heapPerParticipantKiB: number;
}

const KiB = 1024;
let nextBot = 0;

/**
 * One round: meetings (not measured) → bots join, timed from the first POST to the last
 * `established` → people seeded into the meetings → meetings ended and deleted. Heap is read
 * after a forced GC (and a drained outbox) before the calls, after them and after the people.
 */
export async function callsRound(session: JoinSession, plan: CallsPlan): Promise<CallsRoundResult> {
  const meetings = await createMeetings(session.client, plan.calls, plan.concurrency, 'calls bench meeting');
  const base = await session.sample();
  const firstBot = nextBot;
  nextBot += plan.calls;
  const calls = await joinBots(session.client, meetings, (bot) => session.receiver.urlFor(bot), plan.concurrency, firstBot);
  await session.waitFor(() => calls.every((c) => session.receiver.established.has(c.callId)), () => `${calls.filter((c) => !session.receiver.established.has(c.callId)).length} of ${calls.length} calls to be established`);
  const withCalls = await session.sample();
  const people = await seedPeople(session, meetings, plan.participants);
  const withPeople = await session.sample();
  await endMeetings(session, meetings, plan.concurrency);
  return {
    callsPerSecond: calls.length / ((lastEstablished(session, calls) - Math.min(...calls.map((c) => c.sentAt))) / 1000),
    establishedMs: calls.map((c) => (session.receiver.established.get(c.callId) ?? NaN) - c.sentAt),
    heapPerCallKiB: heapGrowth(base, withCalls) / calls.length / KiB,
    heapPerParticipantKiB: heapGrowth(withCalls, withPeople) / people / KiB,
  };
}

function lastEstablished(session: JoinSession, calls: BotCall[]): number {
  return Math.max(...calls.map((c) => session.receiver.established.get(c.callId) ?? NaN));
}

function heapGrowth(from: ServerSample, to: ServerSample): number {
  return to.heapUsed - from.heapUsed;
}

/** An equal crowd per meeting, each in one roster version (PeopleService.joinCrowd); returns how many joined. */
async function seedPeople(session: JoinSession, meetings: BenchMeeting[], participants: number): Promise<number> {
  const each = Math.max(Math.floor(participants / meetings.length), 1);
  for (const meeting of meetings) await session.server.seed(meeting.id, each, Math.max(session.deadline - performance.now(), 1));
  return each * meetings.length;
}

/** Ends every meeting (its legs terminate, the roster is dropped) and deletes it, `concurrency` at a time. */
async function endMeetings(session: JoinSession, meetings: BenchMeeting[], concurrency: number): Promise<void> {
  const queue = [...meetings];
  const worker = async (): Promise<void> => {
    for (let meeting = queue.shift(); meeting; meeting = queue.shift()) {
      const ended = await session.client.control('POST', `/meetings/${meeting.id}/end`);
      const deleted = await session.client.control('DELETE', `/meetings/${meeting.id}`);
      if (ended.status !== 204 || deleted.status !== 204) throw new Error(`ending meeting ${meeting.id}: ${ended.status}/${deleted.status}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
