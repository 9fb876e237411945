import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { forkBenchChild } from '../bench-child.js';
import { createBenchDatabase } from '../scale-database.js';

/** One round of the yardstick: transactions per second of 1 bare process, and of 2 at once. */
export interface BareRound {
  one: number;
  two: number;
  /** Transactions + committed reads per cycle (one bot session's worth of storage work). */
  unitsPerCycle: number;
  /** CPU µs per transaction in the bare processes (pg driver + store code), 1 and 2 processes. */
  cpuUsPerTx: { one: number; two: number };
}

interface BareResult {
  transactions: number;
  reads: number;
  cycles: number;
  seconds: number;
  cpuMs: number;
}

interface BareChild {
  process: ChildProcess;
  ready: Promise<void>;
  exited: Promise<void>;
}

const CHILD = fileURLToPath(new URL('../scale-bare-child.ts', import.meta.url));

/**
 * The machine's own 2-vs-1 for the database side of the bot workload: the same PostgresStore
 * transactions a node runs per session, from one process, then from two at once, on a fresh
 * database (created and dropped here). Both processes start once; windows alternate A B B A (B A
 * A B in odd rounds), so a change in the machine's weather during the round hits both sides.
 */
export async function runBareRound(adminUrl: string, seconds: number, round: number, signal: AbortSignal): Promise<BareRound> {
  const database = await createBenchDatabase(adminUrl);
  const children = [0, 1].map((index) => startChild(database.url, seconds / 2, `${round}-${index}`, signal));
  try {
    await Promise.all(children.map((child) => child.ready));
    const results: Record<1 | 2, BareResult[]> = { 1: [], 2: [] };
    const order = round % 2 === 0 ? ([1, 2, 2, 1] as const) : ([2, 1, 1, 2] as const);
    for (const size of order) results[size].push(...(await Promise.all(children.slice(0, size).map((child) => runWindow(child.process)))));
    return summarise(results[1], results[2]);
  } finally {
    children.forEach((child) => child.process.connected && child.process.send({ type: 'stop' }));
    await Promise.all(children.map((child) => child.exited));
    await database.drop();
  }
}

/** Per side: windows summed (rates of simultaneous processes add up), divided by that side's windows. */
function summarise(one: BareResult[], two: BareResult[]): BareRound {
  const rate = (results: BareResult[], windows: number): number => results.reduce((sum, r) => sum + r.transactions / r.seconds, 0) / windows;
  const cpu = (results: BareResult[]): number => (results.reduce((sum, r) => sum + r.cpuMs, 0) * 1000) / results.reduce((sum, r) => sum + r.transactions, 0);
  const first = one[0] as BareResult;
  return { one: rate(one, one.length), two: rate(two, two.length / 2), unitsPerCycle: (first.transactions + first.reads) / first.cycles, cpuUsPerTx: { one: cpu(one), two: cpu(two) } };
}

function runWindow(child: ChildProcess): Promise<BareResult> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`bare pg process exited (code ${code}) during a window`));
    child.once('exit', onExit);
    child.once('message', (message: BareResult) => {
      child.off('exit', onExit);
      resolve(message);
    });
    child.send({ type: 'go' });
  });
}

/** Forks one bare process; it opens its store and says `ready`. Killed at a generous time limit or on abort. */
function startChild(url: string, windowSeconds: number, tag: string, signal: AbortSignal): BareChild {
  const child = forkBenchChild(CHILD, [url, String(windowSeconds), tag]);
  const kill = (): void => void child.kill('SIGKILL');
  // Start-up (tsx compiling on a loaded machine) plus four windows, generously.
  const timer = setTimeout(kill, (windowSeconds * 4 + 120) * 1000);
  signal.addEventListener('abort', kill, { once: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => {
    clearTimeout(timer);
    signal.removeEventListener('abort', kill);
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    void exited.then(() => reject(new Error('bare pg process exited before it was ready')));
  });
  return { process: child, ready, exited };
}
