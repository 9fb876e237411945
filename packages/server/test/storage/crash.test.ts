/**
 * Durability under SIGKILL: every write the store acknowledged before the process died must be
 * there after reopening (WAL + synchronous = NORMAL), and no transaction may be half applied.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '../../src/domain/clock.js';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';

const here = dirname(fileURLToPath(import.meta.url));
const WRITER = join(here, 'fixtures', 'crash-writer.ts');
const PACKAGE_ROOT = join(here, '..', '..');
const ACKS_BEFORE_KILL = 300;
/** Kills a writer that stalls, so the test fails within its timeout instead of leaking a process. */
const WATCHDOG_MS = 8_000;

it('keeps every acknowledged write when the writer is killed with SIGKILL', { timeout: 10_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-crash-'));
  const path = join(dir, 'crash.db');
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path], {
    cwd: PACKAGE_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const watchdog = setTimeout(() => child.kill('SIGKILL'), WATCHDOG_MS);
  try {
    const acknowledged = await killAfterAcks(child, ACKS_BEFORE_KILL);
    const store = SqliteStore.open(path, new ManualClock());
    try {
      await assertAllPresent(store, acknowledged);
    } finally {
      await store.close();
    }
  } finally {
    clearTimeout(watchdog);
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
});

/** Collects acknowledged ids until `count`, SIGKILLs the child mid-stream, and returns every ack read. */
async function killAfterAcks(child: ChildProcess, count: number): Promise<string[]> {
  const acknowledged: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  for await (const line of createInterface({ input: child.stdout! })) {
    acknowledged.push(line);
    if (acknowledged.length === count) child.kill('SIGKILL');
  }
  const signal = await exited;
  assert.equal(signal, 'SIGKILL', `writer ended by itself before ${count} acks:\n${stderr}`);
  return acknowledged;
}

async function assertAllPresent(store: SqliteStore, acknowledged: string[]): Promise<void> {
  assert.ok(acknowledged.length >= ACKS_BEFORE_KILL);
  const docs = await store.docs.list<{ i: number }>('crash');
  const stored = new Set(docs.map((doc) => doc.id));
  const missing = acknowledged.filter((id) => !stored.has(id));
  assert.deepEqual(missing, [], `${missing.length} acknowledged writes lost`);
  const messages = await store.outbox.pending<{ id: string }>('crash');
  assert.deepEqual(messages.map((m) => m.payload.id).sort(), [...stored].sort(), 'document and message commit together');
}
