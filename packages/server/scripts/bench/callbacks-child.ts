/**
 * The server under test for the callback benchmark (suite/callbacks-measure.ts), in its own
 * process: started like server-child.ts (loadConfig + startServer on 127.0.0.1, SQLite store), plus
 * bench-only IPC commands. Notifications are produced the way a state change produces them: one
 * call transaction (inCallTx) per notification that reads the leg and its conference and emits a
 * roster update through the real notification factory, so the outbox row is appended in the
 * transaction and the dispatcher is nudged after the commit. The dispatcher then claims, signs and
 * POSTs it like any other callback.
 *
 * The raw baseline (`raw`) runs here too, so both sides share one process and one CPU: an undici
 * Pool POSTing the same bytes (same body, same headers, one pre-signed token) to the same
 * receiver, with the dispatcher's concurrency and its one-in-flight-per-call rule.
 *
 * Times are epoch milliseconds with sub-ms precision (performance.timeOrigin + performance.now()),
 * comparable with the receiver process's.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { callContext, inCallTx, type CallContext } from '../../src/calls/call-context.js';
import { latencyProfile } from '../../src/calls/latency.js';
import { loadConfig } from '../../src/config/load.js';
import type { CallUnit } from '../../src/calls/call-unit.js';
import type { Call, CallEvent } from '../../src/domain/calls/types.js';
import { CALLBACK_USER_AGENT } from '../../src/notify/callback-attempt.js';
import type { CallbackMessage } from '../../src/notify/callback-message.js';
import { CallbackSigner } from '../../src/notify/callback-signer.js';
import { startServer, type RunningServer } from '../../src/runtime/start-server.js';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { graphNotificationFactory } from '../../src/wire/notification-factory.js';
import type { CallbacksChildRequest, CallbacksChildReply, StampsByStream } from './suite/callbacks-protocol.js';
import { processCpuMs } from './server-sample.js';

const [dataDir] = process.argv.slice(2);
const send = (message: CallbacksChildReply): void => void process.send?.(message);
const epochNow = (): number => performance.timeOrigin + performance.now();

process.on('disconnect', () => process.exit(0));

/** Store transactions so far (all callers), reported with each profile: commits per notification. */
let transactions = 0;
const transaction = SqliteStore.prototype.transaction;
SqliteStore.prototype.transaction = function counted(this: SqliteStore, work) {
  transactions += 1;
  return transaction.call(this, work);
} as typeof transaction;

let server: RunningServer;
try {
  // Environment ignored ({}), as in server-child.ts: the shell must not change what is measured.
  const config = loadConfig({ port: 0, dataDir, inMemory: false, logLevel: 'silent', latency: 'instant' }, {});
  server = await startServer(config);
} catch (error) {
  process.send?.({ type: 'failed', error: error instanceof Error ? error.stack : String(error) });
  process.exit(1);
}

const { services, clock } = server.deps;
const context: CallContext = callContext({
  store: services.store, clock, world: services.world, notifications: graphNotificationFactory, latency: latencyProfile('instant'),
  wake: services.wake, checkCallbackUri: (url) => services.callbackPolicy.check(url),
});
let legs: string[] = [];

process.send?.({ type: 'ready', port: Number(new URL(server.httpsUrl).port), caPem: server.tls.caPem, adminKey: server.deps.adminKey });

process.on('message', (request: CallbacksChildRequest) => {
  if (request.type === 'stop') {
    void server.close().finally(() => process.exit(0));
    return;
  }
  void handle(request).then(
    (result) => send({ type: 'done', id: request.id, result }),
    (error: unknown) => send({ type: 'error', id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});

async function handle(request: Exclude<CallbacksChildRequest, { type: 'stop' }>): Promise<unknown> {
  switch (request.type) {
    case 'legs':
      legs = request.callIds;
      return { bodyBytes: Buffer.byteLength(JSON.stringify((await rosterMessage(0)).body)) };
    case 'enqueue':
      return paced(request.count, request.perSecond, request.perTransaction, enqueue);
    case 'raw':
      return rawLoop(request.count, request.perSecond, request.concurrency);
    case 'drained':
      return server.workers.dispatcher.drained();
    case 'cpu':
      return processCpuMs();
    case 'profile':
      return request.file ? profiler.stop(request.file) : profiler.start();
  }
}

/** The V8 CPU profiler over the inspector protocol, for profiling chosen sides only (docs/perf/callbacks.md). */
const profiler = (() => {
  const session = new Session();
  const post = (method: string): Promise<unknown> => new Promise((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  return {
    start: async (): Promise<void> => {
      process.stderr.write(`store transactions so far: ${transactions}\n`);
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.start');
    },
    stop: async (file: string): Promise<void> => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      process.stderr.write(`store transactions so far: ${transactions}\n`);
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
})();

/** One transaction announcing a roster change to each of these legs (one notification each). */
async function enqueue(streams: number[]): Promise<void> {
  await inCallTx(context, async (unit) => {
    for (const stream of streams) {
      const call = await unit.requireCall(legs[stream] ?? '');
      await unit.emit([await rosterEvent(unit, call)], call);
    }
  });
}

async function rosterEvent(unit: CallUnit, call: Call): Promise<CallEvent> {
  const conference = await unit.conference(call.conferenceId);
  const me = conference?.participants.find((participant) => participant.id === call.myParticipantId);
  if (!conference || !me) throw new Error(`leg ${call.id} has no conference roster entry`);
  return { type: 'roster:updated', conference, participants: [me] };
}

/** The message enqueue() appends for this leg (the raw baseline sends its bytes). */
async function rosterMessage(stream: number): Promise<CallbackMessage> {
  return inCallTx(context, async (unit) => {
    const call = await unit.requireCall(legs[stream] ?? '');
    const message = graphNotificationFactory.forLeg(await rosterEvent(unit, call), call);
    if (!message) throw new Error(`no roster notification for leg ${call.id}`);
    return message;
  });
}

/**
 * Runs `work` for items 0 … count-1 (item i goes to stream i mod legs) in groups of `perGroup`,
 * item i not before start + i / perSecond (0: as fast as it goes). An open loop: a group starts on
 * time whether or not the groups before it finished (a slow commit must not lower the offered
 * rate), and the transactions queue in the store in that order. Stamps a group's items just
 * before its work starts, so queueing and the transaction's own time count.
 */
async function paced(count: number, perSecond: number, perGroup: number, work: (streams: number[]) => Promise<void>): Promise<StampsByStream> {
  const stamps: StampsByStream = legs.map(() => []);
  const started: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i += perGroup) {
    const wait = perSecond > 0 ? start + (i * 1000) / perSecond - performance.now() : 0;
    if (wait > 1) await sleep(wait);
    const streams = Array.from({ length: Math.min(perGroup, count - i) }, (_, k) => (i + k) % legs.length);
    const at = epochNow();
    for (const stream of streams) stamps[stream]?.push(at);
    const done = work(streams);
    done.catch(() => undefined); // reported by the Promise.all below; not an unhandled rejection meanwhile
    started.push(done);
  }
  await Promise.all(started);
  return stamps;
}

/**
 * The baseline: the same POSTs without the outbox, the signing or the delivery log. Messages go
 * out oldest first, skipping a stream that has one in flight, at most `concurrency` at once: the
 * order in which the dispatcher claims (the outbox's oldest head per call).
 */
async function rawLoop(count: number, perSecond: number, concurrency: number): Promise<StampsByStream> {
  const messages = await Promise.all(legs.map((_, stream) => rosterMessage(stream)));
  const bodies = messages.map((message) => JSON.stringify(message.body));
  const paths = messages.map((message) => new URL(message.url).pathname);
  const token = await new CallbackSigner(services.callbackKeys, clock).sign(messages[0] as CallbackMessage);
  const pool = new Pool(new URL(messages[0]?.url ?? '').origin, { connections: concurrency });
  const waiting: number[] = [];
  const busy = new Set<number>();
  let done = 0;
  let finished: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const post = async (stream: number): Promise<void> => {
    const requestId = randomUUID();
    const headers = { authorization: `Bearer ${token.jwt}`, 'content-type': 'application/json', 'user-agent': CALLBACK_USER_AGENT, 'request-id': requestId, 'client-request-id': requestId };
    const response = await pool.request({ path: paths[stream] ?? '/', method: 'POST', headers, body: bodies[stream] });
    await response.body.dump();
  };
  const pump = (): void => {
    for (let i = 0; i < waiting.length && busy.size < concurrency; ) {
      const stream = waiting[i] as number;
      if (busy.has(stream)) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      busy.add(stream);
      void post(stream).finally(() => {
        busy.delete(stream);
        if (++done === count) finished();
        pump();
      });
    }
  };
  const stamps = await paced(count, perSecond, 1, async ([stream]) => {
    waiting.push(stream as number);
    pump();
  });
  await allDone;
  await pool.close();
  return stamps;
}
