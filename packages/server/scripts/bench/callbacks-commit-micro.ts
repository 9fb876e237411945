/**
 * How much a delivery costs in SQLite alone (docs/perf/callbacks.md, round 2): n outbox rows of a
 * `bytes`-long payload, then claim → (complete + delivery-log append) in transactions of `batch`
 * outcomes, on the real SqliteStore, with and without the log entry. Prints µs per notification.
 *
 *   node --import tsx scripts/bench/callbacks-commit-micro.ts [n=3000] [batch=4] [bytes=985]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';

const [n = 3000, batch = 4, bytes = 985] = process.argv.slice(2).map(Number);
const clock = { now: () => Date.now() };
const payload = { kind: 'callback', body: { value: [{ pad: 'x'.repeat(bytes) }] } };

async function variant(name: string, log: boolean): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-commit-micro-'));
  const store = SqliteStore.open(join(dir, 'db.sqlite'), clock);
  try {
    for (let i = 0; i < n; i += 200) {
      await store.transaction((tx) => tx.outbox.append(Array.from({ length: 200 }, (_, k) => ({ stream: `call-${(i + k) % 200}`, payload }))));
    }
    const started = process.cpuUsage();
    let transactions = 0;
    for (let done = 0; done < n; ) {
      const claimed = await store.outbox.claim({ now: clock.now(), leaseMs: 60_000, limit: batch, owner: 'me' });
      transactions += 1;
      await store.transaction(async (tx) => {
        for (const message of claimed) {
          await tx.outbox.complete(message.seq, 'me');
          if (log) await tx.deliveries.append({ seq: message.seq, callId: message.stream, appId: 'a', tenantId: 't', url: 'http://127.0.0.1/x', attempt: 1, at: clock.now(), status: 202, latencyMs: 1, outcome: 'delivered', summary: 'ok', requestId: 'r', payload: payload.body, jwtClaims: { iat: 1 } });
        }
      });
      transactions += 1;
      done += claimed.length;
    }
    const { user, system } = process.cpuUsage(started);
    console.log(`${name}: ${((user + system) / n).toFixed(0)} µs CPU per notification, ${(transactions / n).toFixed(2)} transactions each`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await variant('claim + complete', false);
await variant('claim + complete + log entry', true);
