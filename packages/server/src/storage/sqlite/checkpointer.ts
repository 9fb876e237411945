import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the checkpointer copies committed WAL pages into the database file. */
const CHECKPOINT_EVERY_MS = 200;
/** WAL pages at which SQLite's own auto-checkpoint takes over when no checkpointer runs (its default). */
export const AUTO_CHECKPOINT_PAGES = 1000;

/**
 * The checkpointer's own code: a second connection on the same file that runs a PASSIVE
 * checkpoint on a timer. PASSIVE never waits for, nor blocks, the writer or the readers. It is
 * CommonJS text so that the worker needs no file of its own at run time (tsx in development,
 * compiled JavaScript in the package); the driver comes by its resolved path. A failing
 * checkpoint throws out of the timer, which ends the worker with an 'error' event.
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: workerData.busyMs });
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs);
parentPort.on('message', () => { clearInterval(timer); db.close(); parentPort.close(); });
`;

/**
 * Checkpoints off the event loop. A WAL checkpoint copies pages into the database file and
 * fsyncs it (synchronous = NORMAL syncs at checkpoints, not at commits); run by the committing
 * connection, it stalled the event loop for 15–20 ms once every few dozen commits, which was
 * most of the COMMIT time under callback load and the tail of its latency (docs/perf/callbacks.md,
 * round 3). The writer turns its auto-checkpoint off while this runs, and back on if the worker
 * fails, so the WAL never grows without bound.
 */
export class Checkpointer {
  private readonly worker: Worker;
  private stopped = false;

  constructor(path: string, busyMs: number, onFailure: (error: unknown) => void) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, busyMs, everyMs: CHECKPOINT_EVERY_MS } });
    this.worker.unref();
    this.worker.on('error', (error) => this.fail(error, onFailure));
    this.worker.on('exit', (code) => this.stopped || this.fail(new Error(`checkpointer exited with ${code}`), onFailure));
  }

  /** Ends the worker after its connection closed (the writer's own close then checkpoints the rest). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.ref(); // an unreferenced worker's exit would not keep the event loop alive for this wait
    this.worker.postMessage('stop');
    await exited;
  }

  private fail(error: unknown, onFailure: (error: unknown) => void): void {
    if (this.stopped) return;
    this.stopped = true;
    onFailure(error);
  }
}
