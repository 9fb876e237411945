/**
 * The durable mute's own path, from Fastify to the 200, for two versions of the server package in
 * ONE process (docs/perf/http.md, session 5): each version's app on its own SQLite file with the
 * demo world, a real app token and 50 established meeting calls; the dispatcher is not started, so
 * no notification is delivered. Rounds of mutes/unmutes (50 streams, one per call, in order) go
 * to A and B alternately, and the CPU of each round is read. On this shared machine the load of
 * other processes moves single runs by ±20 %; the same load hits both sides of a round pair, so
 * the per-round B/A ratio is what to read (an A/A run shows its noise).
 *
 *   node --import tsx scripts/bench/suite/http-mute-pipeline.ts <server-root-A> <server-root-B> [mutes-per-round=1000] [rounds=20]
 *
 * A root is a packages/server directory (another checkout, or `git archive <rev> packages/server`
 * unpacked with its node_modules linked). Linux only: the main thread's CPU comes from /proc.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CALLS = 50;
const WARM_UP_PER_CALL = 40;
const ADMIN_KEY = 'sbk_pipeline';
const MUTE_BODY = '{"clientContext":"bench"}';
/** Clock ticks of /proc (USER_HZ): 100 per second on Linux. */
const TICK_US = 10_000;

interface Side {
  /** `perCall` mutes/unmutes on every call, the calls' streams side by side. */
  mute(perCall: number): Promise<void>;
  close(): Promise<void>;
}

interface Injector {
  inject(request: { method: string; url: string; headers: Record<string, string>; payload?: string }): Promise<{ statusCode: number; body: string }>;
}

/** The main thread's CPU in µs (utime + stime): SQLite checkpoints run on a worker thread. */
function mainThreadCpu(): number {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_US;
}

async function expectStatus(app: Injector, status: number, request: Parameters<Injector['inject']>[0]): Promise<Record<string, unknown>> {
  const reply = await app.inject(request);
  if (reply.statusCode !== status) throw new Error(`${request.method} ${request.url}: expected ${status}, got ${reply.statusCode} ${reply.body.slice(0, 300)}`);
  return reply.body === '' ? {} : (JSON.parse(reply.body) as Record<string, unknown>);
}

/** The version at `root`, set up as the bench's post-mute row sets up its server. */
async function setUp(root: string): Promise<Side> {
  const { buildApp } = await import(`${root}/src/app.js`);
  const { loadConfig } = await import(`${root}/src/config/load.js`);
  const { ManualClock } = await import(`${root}/src/domain/clock.js`);
  const { createServices } = await import(`${root}/src/services.js`);
  const { openStore } = await import(`${root}/src/storage/open-store.js`);
  const { seedWorld } = await import(`${root}/src/runtime/seed-world.js`);
  const { runDueTimers } = await import(`${root}/src/calls/timer-runner.js`);
  const { DEMO } = await import(`${root}/src/world/demo-world.js`);
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-mute-pipeline-'));
  const clock = new ManualClock(Date.now());
  const config = loadConfig({ dataDir: dir, logLevel: 'silent', latency: 'instant' }, {});
  const store = await openStore({ inMemory: false, dataDir: dir, clock });
  const services = await createServices(store, clock, config);
  await seedWorld(services.worldService, undefined);
  const app = (await buildApp({ config, store, clock, services, adminKey: ADMIN_KEY })) as Injector & { close(): Promise<void> };
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO.appId, client_secret: DEMO.appSecret, scope: 'https://graph.microsoft.com/.default' });
  const token = await expectStatus(app, 200, { method: 'POST', url: `/${DEMO.tenantId}/oauth2/v2.0/token`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form.toString() });
  const graph = { authorization: `Bearer ${String(token.access_token)}`, 'content-type': 'application/json' };
  const calls: string[] = [];
  for (let index = 0; index < CALLS; index++) {
    const meetingBody = { tenantId: DEMO.tenantId, organizerId: DEMO.users.adele.id, subject: `pipeline ${index}`, lobbyBypass: 'everyone' };
    const meeting = await expectStatus(app, 201, { method: 'POST', url: '/_switchboard/meetings', headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' }, payload: JSON.stringify(meetingBody) });
    const call = await expectStatus(app, 201, {
      method: 'POST',
      url: '/v1.0/communications/calls',
      headers: graph,
      payload: JSON.stringify({
        '@odata.type': '#microsoft.graph.call',
        callbackUri: 'http://127.0.0.1:9/callback',
        requestedModalities: ['audio'],
        mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
        meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: meeting.joinMeetingId, passcode: meeting.passcode ?? null },
        tenantId: DEMO.tenantId,
      }),
    });
    calls.push(String(call.id));
  }
  // Instant latency: the joins establish as their timers fire.
  for (let step = 0; step < 5; step++) {
    clock.advance(5000);
    await runDueTimers({ store, clock, service: services.calls, owner: 'pipeline', leaseMs: 30_000, log: () => {} });
  }
  const stream = async (callId: string, count: number): Promise<void> => {
    for (let i = 0; i < count; i++) await expectStatus(app, 200, { method: 'POST', url: `/v1.0/communications/calls/${callId}/${i % 2 === 0 ? 'mute' : 'unmute'}`, headers: graph, payload: MUTE_BODY });
  };
  const side: Side = {
    mute: async (perCall) => void (await Promise.all(calls.map((callId) => stream(callId, perCall)))),
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await side.mute(WARM_UP_PER_CALL);
  return side;
}

interface RoundCpu {
  main: number;
  process: number;
}

async function round(side: Side, mutes: number): Promise<RoundCpu> {
  const start = process.cpuUsage();
  const mainStart = mainThreadCpu();
  await side.mute(Math.max(1, Math.round(mutes / CALLS)));
  const used = process.cpuUsage(start);
  return { main: (mainThreadCpu() - mainStart) / mutes, process: (used.user + used.system) / mutes };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const [rootA, rootB, mutesArg = '1000', roundsArg = '20'] = process.argv.slice(2);
if (!rootA || !rootB) throw new Error('usage: http-mute-pipeline.ts <server-root-A> <server-root-B> [mutes-per-round] [rounds]');
const mutes = Number(mutesArg);
const sides = [await setUp(rootA), await setUp(rootB)] as const;
const cpu: [RoundCpu[], RoundCpu[]] = [[], []];
for (let index = 0; index < Number(roundsArg); index++) {
  // Alternating which side goes first, so neither always runs right after the other's GC.
  for (const which of index % 2 === 0 ? [0, 1] : [1, 0]) cpu[which]!.push(await round(sides[which]!, mutes));
}
for (const side of sides) await side.close();
const [a, b] = cpu;
const show = (rounds: RoundCpu[]): string => `main thread ${median(rounds.map((r) => r.main)).toFixed(0)} µs, process ${median(rounds.map((r) => r.process)).toFixed(0)} µs`;
console.log(`A: ${show(a)} CPU per mute (median of ${a.length} rounds of ${mutes})`);
console.log(`B: ${show(b)}`);
console.log(`B/A per round, median: main thread ${median(b.map((r, i) => r.main / a[i]!.main)).toFixed(3)}, process ${median(b.map((r, i) => r.process / a[i]!.process)).toFixed(3)}`);
