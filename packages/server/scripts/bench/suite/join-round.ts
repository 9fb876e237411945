import { createMeetings, joinBots } from '../phases.js';
import type { JoinSession } from './join-session.js';

/** One size of one round: server CPU per join and, per join, how long until the bot heard of it. */
export interface JoinRoundResult {
  size: number;
  joins: number;
  cpuUsPerJoin: number;
  /** Join sent → the roster `updated` naming the new participant arrived at the bot (ms). */
  latenciesMs: number[];
}

let nextBot = 0;

/**
 * A meeting of `size` people (seeded in one step, not measured) and a bot established in it;
 * then `joins` guests join one after the other through the control API, each waited for at the
 * bot. CPU is the server's own (user + system) from the sample before the first join to the
 * sample after the last, so the join's HTTP request, transaction, notification and its delivery
 * are all billed, and the forced GCs of the samples are not. The meeting is ended afterwards.
 */
export async function joinRound(session: JoinSession, size: number, joins: number): Promise<JoinRoundResult> {
  const { client, receiver, server } = session;
  const [meeting] = await createMeetings(client, 1, 1, `join-scale ${size}`);
  if (!meeting) throw new Error('no meeting created');
  await server.seed(meeting.id, size, Math.max(session.deadline - performance.now(), 1));
  const [call] = await joinBots(client, [meeting], (bot) => receiver.urlFor(bot), 1, nextBot++);
  if (!call) throw new Error('no call created');
  await session.waitFor(() => receiver.established.has(call.callId) && receiver.firstRoster.has(call.callId), () => `the bot's call in a meeting of ${size} to be established with its roster`);
  const before = await session.sample();
  const latenciesMs: number[] = [];
  for (let i = 0; i < joins; i++) latenciesMs.push(await timedJoin(session, meeting.id, `late guest ${size}.${i}`));
  const after = await session.sample();
  await endMeeting(session, meeting.id);
  return { size, joins, cpuUsPerJoin: ((after.cpuBeforeGcMs - before.cpuAfterGcMs) * 1000) / joins, latenciesMs };
}

async function timedJoin(session: JoinSession, meetingId: string, displayName: string): Promise<number> {
  const reply = await session.client.control('POST', `/meetings/${meetingId}/people`, { guest: { displayName } });
  const participantId = String(reply.body.participantId);
  if (reply.status !== 201 || reply.body.isInLobby !== false) throw new Error(`person joins: expected 201 straight in, got ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
  await session.waitFor(() => session.receiver.rosterSeen.has(participantId), () => `the roster notification of ${displayName}`);
  return (session.receiver.rosterSeen.get(participantId)?.at ?? NaN) - reply.sentAt;
}

/** Frees the roster (the conference is dropped) so later rounds do not run on a growing heap. */
async function endMeeting(session: JoinSession, meetingId: string): Promise<void> {
  const ended = await session.client.control('POST', `/meetings/${meetingId}/end`);
  if (ended.status !== 204) throw new Error(`end meeting: expected 204, got ${ended.status}`);
  const deleted = await session.client.control('DELETE', `/meetings/${meetingId}`);
  if (deleted.status !== 204) throw new Error(`delete meeting: expected 204, got ${deleted.status}`);
}
