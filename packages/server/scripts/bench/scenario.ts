import type { BenchClient } from './client.js';
import type { BenchOptions } from './options.js';
import { createMeetings, joinBots, joinPeople, type BotCall, type PersonJoin } from './phases.js';
import type { BenchReceiver } from './receiver.js';
import type { BenchServer } from './server-process.js';
import type { ServerSample } from './server-protocol.js';

/** A server sample, with when it was taken and the load generator's own CPU time by then. */
export type Sample = ServerSample & { at: number; loadCpuMs: number };

/** Everything the run observed; measures.ts turns it into numbers. */
export interface Observations {
  /** What the run was doing last, for the failure message. */
  phase: string;
  meetings: { count: number; firstSentAt: number; lastAckAt: number };
  calls: BotCall[];
  early: PersonJoin[];
  late: PersonJoin[];
  /** Server samples after a forced GC: before the calls, once they are all up, after the late joins. */
  samples: { base?: Sample; calls?: Sample; people?: Sample };
  serverStartMs?: number;
}

export interface ScenarioDeps {
  options: BenchOptions;
  server: BenchServer;
  client: BenchClient;
  receiver: BenchReceiver;
  /** performance.now() by which every wait must be over. */
  deadline: number;
}

/**
 * The run: meetings → early people → (server sample) → bots join and get established with their
 * first roster → (sample) → late people join, each timed to its roster notification → (sample).
 * Fills `seen` as it goes, so a failure still reports what was measured up to it.
 */
export async function runScenario(deps: ScenarioDeps, seen: Observations): Promise<void> {
  const { options, client, server } = deps;
  const sample = async (): Promise<Sample> => {
    const taken = await server.sample(deps.deadline - performance.now());
    const { user, system } = process.cpuUsage();
    return { ...taken, at: performance.now(), loadCpuMs: (user + system) / 1000 };
  };
  seen.serverStartMs = server.startMs;
  seen.phase = 'token';
  await client.acquireToken();
  seen.phase = 'warm-up';
  if (options.warmup) await warmUp(deps);

  seen.phase = 'meetings and early joins';
  seen.meetings.firstSentAt = performance.now();
  const meetings = await createMeetings(client, options.bots, options.concurrency, 'bench meeting');
  seen.meetings.count = meetings.length;
  seen.meetings.lastAckAt = performance.now();
  seen.early = await joinPeople(client, meetings, options.people - options.late, options.concurrency, 'early guest');
  seen.samples.base = await sample();

  seen.phase = 'bots joining';
  seen.calls = await joinBots(client, meetings, (bot) => deps.receiver.urlFor(bot), options.concurrency);
  await callsUp(deps, seen.calls, seen.early);
  seen.samples.calls = await sample();

  seen.phase = 'late joins';
  seen.late = await joinPeople(client, meetings, options.late, options.concurrency, 'late guest', options.joinRate);
  await rosterDelivered(deps, seen.late);
  seen.samples.people = await sample();
  seen.phase = 'done';
}

/** Every call established, its first roster in, and every early joiner listed in it. */
async function callsUp({ receiver, deadline }: ScenarioDeps, calls: BotCall[], early: PersonJoin[]): Promise<void> {
  const missing = (): BotCall[] => calls.filter((c) => !receiver.established.has(c.callId) || !receiver.firstRoster.has(c.callId));
  const unseen = (): PersonJoin[] => early.filter((p) => !receiver.rosterSeen.has(p.participantId));
  await receiver.waitUntil(
    () => missing().length === 0 && unseen().length === 0,
    deadline,
    () => `calls to be established with their roster (${missing().length} of ${calls.length} calls and ${unseen().length} early people missing)`,
  );
}

/** Every late joiner announced, to the bot of its own meeting. */
async function rosterDelivered({ receiver, deadline }: ScenarioDeps, joins: PersonJoin[]): Promise<void> {
  const unseen = (): PersonJoin[] => joins.filter((p) => !receiver.rosterSeen.has(p.participantId));
  await receiver.waitUntil(() => unseen().length === 0, deadline, () => `roster notifications (${unseen().length} of ${joins.length} missing)`);
  const misrouted = joins.filter((p) => receiver.rosterSeen.get(p.participantId)?.bot !== p.bot);
  if (misrouted.length > 0) throw new Error(`${misrouted.length} roster notifications reached the wrong bot`);
}

/** One throw-away meeting, call and late join, then hang up: JIT and lazy paths warm, not measured. */
async function warmUp(deps: ScenarioDeps): Promise<void> {
  const { client, options } = deps;
  const meetings = await createMeetings(client, 1, 1, 'warm-up meeting');
  const early = await joinPeople(client, meetings, 1, 1, 'warm-up guest');
  // Bot numbers past the measured ones, so the warm-up's callbacks never count for a measured bot.
  const calls = await joinBots(client, meetings, (bot) => deps.receiver.urlFor(bot), 1, options.bots);
  await callsUp(deps, calls, early);
  const late = (await joinPeople(client, meetings, 1, 1, 'warm-up guest')).map((join) => ({ ...join, bot: options.bots }));
  await rosterDelivered(deps, late);
  for (const call of calls) {
    const reply = await client.graph('DELETE', `/communications/calls/${call.callId}`);
    if (reply.status !== 204) throw new Error(`warm-up hang-up: expected 204, got ${reply.status}`);
  }
}
