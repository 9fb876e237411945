import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO } from '../../src/world/demo-world.js';
import type { BenchClient, Reply } from './client.js';

export interface BenchMeeting {
  id: string;
  joinMeetingId: string;
  passcode?: string;
}

/** One bot's create-call request: when it was sent and acknowledged, and the call it made. */
export interface BotCall {
  bot: number;
  callId: string;
  sentAt: number;
  ackAt: number;
}

/** One person's join through the control API, and which bot should hear about it. */
export interface PersonJoin {
  bot: number;
  participantId: string;
  sentAt: number;
  ackAt: number;
}

/**
 * Runs `work` over `items` with at most `limit` in flight (a closed loop, like wrk's connections).
 * With `perSecond`, item i also waits for its slot at start + i / perSecond (an open loop whose
 * achieved rate falls short only when `limit` requests are all stuck).
 */
export async function inParallel<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>, perSecond = 0): Promise<R[]> {
  const results = new Array<R>(items.length);
  const start = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const wait = perSecond > 0 ? start + (index * 1000) / perSecond - performance.now() : 0;
      if (wait > 0) await sleep(wait);
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function expect(reply: Reply, status: number, what: string): Record<string, unknown> {
  if (reply.status !== status) throw new Error(`${what}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`);
  return reply.body;
}

/**
 * Meetings in the demo tenant, organized by Adele. Lobby bypass `everyone` so guests go straight
 * in: every join is a roster change the bot hears about (a lobby entry would be too, but the
 * admit step would double the work per person).
 */
export async function createMeetings(client: BenchClient, count: number, concurrency: number, label: string): Promise<BenchMeeting[]> {
  return inParallel(Array.from({ length: count }), concurrency, async (_, index) => {
    const body = expect(
      await client.control('POST', '/meetings', { tenantId: DEMO.tenantId, organizerId: DEMO.users.adele.id, subject: `${label} ${index}`, lobbyBypass: 'everyone' }),
      201,
      'create meeting',
    );
    return { id: String(body.id), joinMeetingId: String(body.joinMeetingId), ...(typeof body.passcode === 'string' ? { passcode: body.passcode } : {}) };
  });
}

/**
 * `perMeeting` guests join each meeting, round-robin across meetings (person 1 everywhere, then
 * person 2, …) so no meeting's roster races ahead of the others.
 */
export async function joinPeople(client: BenchClient, meetings: BenchMeeting[], perMeeting: number, concurrency: number, label: string, perSecond = 0): Promise<PersonJoin[]> {
  const order = Array.from({ length: perMeeting * meetings.length }, (_, i) => ({ bot: i % meetings.length, person: Math.floor(i / meetings.length) }));
  return inParallel(order, concurrency, async ({ bot, person }) => {
    const meeting = meetings[bot] as BenchMeeting;
    const reply = await client.control('POST', `/meetings/${meeting.id}/people`, { guest: { displayName: `${label} ${bot}.${person}` } });
    const body = expect(reply, 201, 'person joins');
    if (body.isInLobby !== false) throw new Error(`person joins: expected to skip the lobby, got ${JSON.stringify(body)}`);
    return { bot, participantId: String(body.participantId), sentAt: reply.sentAt, ackAt: reply.ackAt };
  }, perSecond);
}

/** Bot `i` joins meeting `i` exactly as a production bot does (v1.0, service-hosted media, joinMeetingId). */
export async function joinBots(client: BenchClient, meetings: BenchMeeting[], callbackUri: (bot: number) => string, concurrency: number, firstBot = 0): Promise<BotCall[]> {
  return inParallel(meetings, concurrency, async (meeting, index) => {
    const bot = firstBot + index;
    const reply = await client.graph('POST', '/communications/calls', {
      '@odata.type': '#microsoft.graph.call',
      callbackUri: callbackUri(bot),
      requestedModalities: ['audio'],
      mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
      meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: meeting.joinMeetingId, passcode: meeting.passcode ?? null },
      tenantId: DEMO.tenantId,
    });
    const body = expect(reply, 201, 'create call');
    return { bot, callId: String(body.id), sentAt: reply.sentAt, ackAt: reply.ackAt };
  });
}
