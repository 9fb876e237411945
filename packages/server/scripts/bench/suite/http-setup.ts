import { setMaxListeners } from 'node:events';
import { join } from 'node:path';
import { request } from 'undici';
import { DEMO } from '../../../src/world/demo-world.js';
import { BenchClient } from '../client.js';
import { createMeetings, joinBots, joinPeople, type BenchMeeting, type BotCall } from '../phases.js';
import { startReceiver, type BenchReceiver } from '../receiver.js';
import { startBenchServer, type BenchServer } from '../server-process.js';

/** Everything the HTTP rows need, set up once per measure on one Switchboard child. */
export interface HttpFixture {
  server: BenchServer;
  receiver: BenchReceiver;
  /** Switchboard's plain-HTTP listener (127.0.0.1). */
  port: number;
  /** A real app token for the demo bot, from the token endpoint. */
  token: string;
  /** The call whose participant and call resource the GET rows read. */
  call: string;
  participant: string;
  /** Calls whose bot mutes and unmutes itself in the post-mute row, one meeting each. */
  muteCalls: string[];
  /** A call in a meeting of `crowd` people, when asked for. */
  crowdCall?: string;
  close(): Promise<void>;
}

export interface FixtureOptions {
  tmpDir: string;
  muteCalls: number;
  crowd: number;
  signal: AbortSignal;
  /** `--cpu-prof` output directory for the Switchboard child (profiling runs). */
  cpuProfDir?: string;
  /** More Node flags for the Switchboard child (`--perf-basic-prof` for perf runs). */
  nodeFlags?: string[];
}

const START_TIMEOUT_MS = 30_000;
const SETUP_CONCURRENCY = 8;

/**
 * Switchboard on the SQLite store (the default `switchboard start` store) with a plain-HTTP
 * listener; meetings where the demo bot's calls are established with a callbackUri at a local
 * receiver, so every roster notification the rows cause is really delivered.
 */
export async function setUpFixture(options: FixtureOptions): Promise<HttpFixture> {
  // Every set-up request and generator run listens on the measure's signal.
  setMaxListeners(256, options.signal);
  const server = await startBenchServer(join(options.tmpDir, 'switchboard'), 'sqlite', START_TIMEOUT_MS, options.cpuProfDir, { plainHttp: true, nodeFlags: options.nodeFlags });
  const receiver = await startReceiver();
  const client = new BenchClient(server.ready.port, server.ready.caPem, server.ready.adminKey, SETUP_CONCURRENCY, options.signal);
  const close = async (): Promise<void> => {
    await client.close(true);
    await receiver.close();
    await server.stop();
  };
  try {
    const port = server.ready.httpPort;
    if (port === undefined) throw new Error('the server child did not report its plain-HTTP port');
    await client.acquireToken();
    const calls = await establishedCalls(client, receiver, options);
    const crowdCall = options.crowd > 0 ? await crowdMeetingCall(client, receiver, options.crowd) : undefined;
    return { server, receiver, port, token: await appToken(port), ...calls, ...(crowdCall ? { crowdCall } : {}), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** One meeting with a guest for the GET rows, then one meeting per muting call. */
async function establishedCalls(client: BenchClient, receiver: BenchReceiver, options: FixtureOptions): Promise<Pick<HttpFixture, 'call' | 'participant' | 'muteCalls'>> {
  const meetings = await createMeetings(client, 1 + options.muteCalls, SETUP_CONCURRENCY, 'http bench');
  const [guest] = await joinPeople(client, meetings.slice(0, 1), 1, 1, 'http bench guest');
  const calls = await joinCalls(client, receiver, meetings);
  return { call: calls[0]!.callId, participant: guest!.participantId, muteCalls: calls.slice(1).map((call) => call.callId) };
}

/** `crowd` guests join first (no roster notifications yet), then the bot joins and hears all of them. */
async function crowdMeetingCall(client: BenchClient, receiver: BenchReceiver, crowd: number): Promise<string> {
  const meetings = await createMeetings(client, 1, 1, 'http bench crowd');
  await joinPeople(client, meetings, crowd, SETUP_CONCURRENCY, 'crowd guest');
  const [call] = await joinCalls(client, receiver, meetings, 1000);
  return call!.callId;
}

async function joinCalls(client: BenchClient, receiver: BenchReceiver, meetings: BenchMeeting[], firstBot = 0): Promise<BotCall[]> {
  const calls = await joinBots(client, meetings, (bot) => receiver.urlFor(bot), SETUP_CONCURRENCY, firstBot);
  const missing = (): number => calls.filter((call) => !receiver.established.has(call.callId)).length;
  await receiver.waitUntil(() => missing() === 0, performance.now() + START_TIMEOUT_MS, () => `${missing()} of ${calls.length} bench calls to be established`);
  return calls;
}

/** The same client-credentials grant a bot makes, on the plain-HTTP listener the load uses. */
async function appToken(port: number): Promise<string> {
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO.appId, client_secret: DEMO.appSecret, scope: 'https://graph.microsoft.com/.default' });
  const response = await request(`http://127.0.0.1:${port}/${DEMO.tenantId}/oauth2/v2.0/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  const body = (await response.body.json()) as { access_token?: unknown };
  if (response.statusCode !== 200 || typeof body.access_token !== 'string') throw new Error(`token endpoint answered ${response.statusCode}`);
  return body.access_token;
}

/** One GET through Switchboard: the exact bytes the baseline will serve on the same path. */
export async function captureBody(fixture: HttpFixture, path: string): Promise<string> {
  const response = await request(`http://127.0.0.1:${fixture.port}${path}`, { headers: { authorization: `Bearer ${fixture.token}` } });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`GET ${path}: expected 200, got ${response.statusCode} ${text.slice(0, 300)}`);
  return text;
}
