/**
 * Calls benchmark (issue 3, item 9): N bots join N meetings with M simulated people each, on
 * loopback, against a server in a child process; prints calls created per second, time to
 * established, roster-notification latency p50/p99, server memory and CPU per call.
 * Not a test: bounded by --max-seconds, stops by itself, exits non-zero on any failure.
 *
 *   npm run bench:calls -w @switchboard/server -- --bots 20 --people 10 [--store sqlite] [--json out.json]
 *
 * See docs/performance.md for what each number means and the results on the project machine.
 */
import { setMaxListeners } from 'node:events';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BenchClient } from './bench/client.js';
import { computeMeasures } from './bench/measures.js';
import { parseOptions, UsageError, USAGE, type BenchOptions } from './bench/options.js';
import { startReceiver, type BenchReceiver } from './bench/receiver.js';
import { describeMachine, renderMarkdown, type BenchReport } from './bench/report.js';
import { runScenario, type Observations } from './bench/scenario.js';
import { startBenchServer, type BenchServer } from './bench/server-process.js';

/** Kept back from --max-seconds for shutting down and printing after a phase times out. */
const shutdownReserveMs = (maxSeconds: number): number => Math.min(5000, maxSeconds * 200);

const started = performance.now();
const options = parseOrExit(process.argv.slice(2));
const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
let server: BenchServer | undefined;

/** Ends the run now, leaving no server process and no temporary directory behind. */
const abandon = (why: string, code: number): void => {
  process.stderr.write(`bench: ${why}; killing the server\n`);
  server?.kill();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
};
// The backstop: whatever hangs, the run ends at --max-seconds.
const hardStop = setTimeout(() => abandon(`hard time limit of ${options.maxSeconds} s reached`, 3), options.maxSeconds * 1000);
process.once('SIGINT', () => abandon('interrupted', 130));
process.once('SIGTERM', () => abandon('terminated', 143));

const report = await run(options);
clearTimeout(hardStop);
process.stdout.write(`${renderMarkdown(report)}\n`);
if (options.json) await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
process.exitCode = report.ok ? 0 : 1;
// Everything is closed by now; should a stray handle keep the loop alive, do not hang the shell.
setTimeout(() => process.exit(), 2000).unref();

async function run(opts: BenchOptions): Promise<BenchReport> {
  const deadline = started + opts.maxSeconds * 1000 - shutdownReserveMs(opts.maxSeconds);
  const seen: Observations = { phase: 'server start-up', meetings: { count: 0, firstSentAt: 0, lastAckAt: 0 }, calls: [], early: [], late: [], samples: {} };
  const errors: string[] = [];
  let client: BenchClient | undefined;
  let receiver: BenchReceiver | undefined;
  let gcForced = false;
  try {
    server = await startBenchServer(dataDir, opts.store, Math.max(deadline - performance.now(), 1000), opts.serverCpuProf);
    gcForced = server.ready.gcForced;
    const signal = AbortSignal.timeout(Math.max(Math.round(deadline - performance.now()), 1));
    // Every request in flight listens on this one signal (undici removes the listener when it ends).
    setMaxListeners(opts.concurrency * 2 + 16, signal);
    client = new BenchClient(server.ready.port, server.ready.caPem, server.ready.adminKey, opts.concurrency, signal);
    receiver = await startReceiver(opts.validateTokens ? await client.tokenCheck() : undefined);
    await runScenario({ options: opts, server, client, receiver, deadline }, seen);
    if (receiver.counts.rejected > 0) errors.push(`${receiver.counts.rejected} callbacks failed token validation`);
  } catch (error) {
    errors.push(`${seen.phase}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await shutDown(client, receiver, errors);
  }
  const { json: _json, serverCpuProf: _profile, ...params } = opts;
  return {
    suite: 'calls',
    schema: 1,
    startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
    ok: errors.length === 0,
    errors,
    machine: describeMachine(),
    params: { ...params, early: opts.people - opts.late, gcForced },
    measures: computeMeasures(seen, receiver, (performance.now() - started) / 1000),
  };
}

/** Client, receiver, server, temp dir: each step runs even when an earlier one failed. */
async function shutDown(client: BenchClient | undefined, receiver: BenchReceiver | undefined, errors: string[]): Promise<void> {
  for (const [what, step] of [
    ['client', () => client?.close(errors.length > 0)],
    ['receiver', () => receiver?.close()],
    ['server', () => server?.stop()],
    ['data directory', () => rm(dataDir, { recursive: true, force: true })],
  ] as const) {
    try {
      await step();
    } catch (error) {
      errors.push(`closing the ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function parseOrExit(argv: string[]): BenchOptions {
  try {
    const parsed = parseOptions(argv);
    if (parsed !== 'help') return parsed;
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    process.stderr.write(`bench: ${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
}
