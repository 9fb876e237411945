import { performance } from 'node:perf_hooks';
import { DEMO } from '../../src/world/demo-world.js';
import type { BenchReceiver } from './receiver.js';
import type { ScaleClient, ScaleReply } from './scale-client.js';

/** One meeting per worker: workers never share a roster, so a session's waits are its own. */
export interface WorkloadMeeting {
  id: string;
  joinMeetingId: string;
  passcode?: string;
}

/** A state change the bot must hear about: when its request was acknowledged and when the callback arrived. */
export interface NotifiedChange {
  kind: 'established' | 'roster' | 'terminated';
  ackAt: number;
  arrivedAt: number;
}

export interface WorkloadResult {
  sessions: number;
  changes: NotifiedChange[];
  errors: string[];
}

export interface WorkloadDeps {
  client: ScaleClient;
  receiver: BenchReceiver;
  meetings: WorkloadMeeting[];
  /** Guests who join (and leave) each session. */
  people: number;
  /** performance.now() after which no new session starts. */
  until: number;
  /** performance.now() by which every wait must be over. */
  deadline: number;
  /** Bot numbers start here (the receiver tells bots apart by callback path). */
  firstBot: number;
}

/**
 * The workload: one closed-loop worker per meeting repeats a bot session until `until` — token,
 * join the meeting, wait for `established`, guests join through the control API (each awaited
 * at the bot as a roster notification), GET the call and its participants, mute a guest, guests
 * leave, hang up and wait for the `deleted` notification. Requests go round-robin to the nodes.
 */
export async function runWorkload(deps: WorkloadDeps): Promise<WorkloadResult> {
  const result: WorkloadResult = { sessions: 0, changes: [], errors: [] };
  const worker = async (meeting: WorkloadMeeting, index: number): Promise<void> => {
    while (performance.now() < deps.until && result.errors.length < 20) {
      try {
        await session(deps, meeting, deps.firstBot + index, result.changes);
        result.sessions += 1;
      } catch (error) {
        result.errors.push(error instanceof Error ? error.message : String(error));
      }
    }
  };
  await Promise.all(deps.meetings.map(worker));
  return result;
}

async function session(deps: WorkloadDeps, meeting: WorkloadMeeting, bot: number, changes: NotifiedChange[]): Promise<void> {
  const { client, receiver } = deps;
  const token = await client.token();
  const created = expect(await client.graph('createCall', token, 'POST', '/communications/calls', joinBody(meeting, receiver.urlFor(bot))), 201, 'create call');
  const callId = String(created.body.id);
  changes.push(await arrival(deps, 'established', created, receiver.established, callId));
  const guests = await joinGuests(deps, meeting, bot, changes);
  const call = `/communications/calls/${callId}`;
  expect(await client.graph('getCall', token, 'GET', call), 200, 'get call');
  expect(await client.graph('listParticipants', token, 'GET', `${call}/participants`), 200, 'list participants');
  const first = guests[0];
  if (first) expect(await client.graph('muteParticipant', token, 'POST', `${call}/participants/${first.participantId}/mute`, { clientContext: `bench-${bot}` }), 200, 'mute participant');
  for (const guest of guests) expect(await client.control('leavePerson', 'DELETE', `/conferences/${guest.conferenceId}/participants/${guest.participantId}`), 204, 'person leaves');
  const hungUp = expect(await client.graph('hangUp', token, 'DELETE', call), 204, 'hang up');
  changes.push(await arrival(deps, 'terminated', hungUp, receiver.terminated, callId));
}

async function joinGuests(deps: WorkloadDeps, meeting: WorkloadMeeting, bot: number, changes: NotifiedChange[]): Promise<{ conferenceId: string; participantId: string }[]> {
  const guests = [];
  for (let person = 0; person < deps.people; person += 1) {
    const reply = expect(await deps.client.control('joinPerson', 'POST', `/meetings/${meeting.id}/people`, { guest: { displayName: `bench guest ${bot}.${person}` } }), 201, 'person joins');
    const participantId = String(reply.body.participantId);
    const arrived = await waitFor(deps, () => deps.receiver.rosterSeen.get(participantId)?.at, `roster notification for ${participantId}`);
    changes.push({ kind: 'roster', ackAt: reply.ackAt, arrivedAt: arrived });
    guests.push({ conferenceId: String(reply.body.conferenceId), participantId });
  }
  return guests;
}

async function arrival(deps: WorkloadDeps, kind: NotifiedChange['kind'], reply: ScaleReply, seen: Map<string, number>, callId: string): Promise<NotifiedChange> {
  const arrivedAt = await waitFor(deps, () => seen.get(callId), `${kind} notification for call ${callId}`);
  return { kind, ackAt: reply.ackAt, arrivedAt };
}

async function waitFor(deps: WorkloadDeps, read: () => number | undefined, what: string): Promise<number> {
  await deps.receiver.waitUntil(() => read() !== undefined, deps.deadline, () => what);
  return read() as number;
}

function expect(reply: ScaleReply, status: number, what: string): ScaleReply {
  if (reply.status !== status) throw new Error(`${what}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
  return reply;
}

/** What a production bot posts to join by meeting id: v1.0, service-hosted media. */
function joinBody(meeting: WorkloadMeeting, callbackUri: string): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.call',
    callbackUri,
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
    meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: meeting.joinMeetingId, passcode: meeting.passcode ?? null },
    tenantId: DEMO.tenantId,
  };
}

/** Meetings in the demo tenant organized by Adele, lobby bypass `everyone`: every guest is a roster change. */
export async function createWorkloadMeetings(client: ScaleClient, count: number, label: string): Promise<WorkloadMeeting[]> {
  const meetings: WorkloadMeeting[] = [];
  for (let index = 0; index < count; index += 1) {
    const body = { tenantId: DEMO.tenantId, organizerId: DEMO.users.adele.id, subject: `${label} ${index}`, lobbyBypass: 'everyone' };
    const reply = expect(await client.control('createMeeting', 'POST', '/meetings', body), 201, 'create meeting');
    const { id, joinMeetingId, passcode } = reply.body;
    meetings.push({ id: String(id), joinMeetingId: String(joinMeetingId), ...(typeof passcode === 'string' ? { passcode } : {}) });
  }
  return meetings;
}
