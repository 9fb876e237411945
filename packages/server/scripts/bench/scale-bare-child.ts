/**
 * One "bare" process of the scale yardstick (suite/scale-bare.ts): the storage work one bot
 * session makes a node do, without HTTP, use cases or callbacks — PostgresStore transactions with
 * the same shapes and in the same numbers as a node's trace (scale-profile.ts, docs/perf/scale.md),
 * repeated in a closed loop for `seconds` per window. Its own keys, so two processes only share the
 * outbox, as two nodes do. IPC: `ready`; then per `go` a `done` { transactions, reads, cycles, cpuMs }.
 */
import { systemClock } from '../../src/runtime/system-clock.js';
import { PostgresStore } from '../../src/storage/postgres/postgres-store.js';
import type { StoreTx } from '../../src/storage/ports.js';

const [url, secondsArg, tag] = process.argv.slice(2);
process.on('disconnect', () => process.exit(0));

const DOC = { '@odata.type': '#microsoft.graph.call', state: 'established', filler: 'x'.repeat(1000) };
const PAYLOAD = { value: [{ changeType: 'updated', resource: '/communications/calls/x', filler: 'y'.repeat(500) }] };
const owner = `bare-${tag}`;
let serial = 0;
const claimed: number[] = [];
const counts = { transactions: 0, reads: 0, cycles: 0 };

const store = await PostgresStore.open(url as string, systemClock, {});
const key = (what: string): string => `${owner}-${what}-${serial}`;
const tx = <T>(work: (t: StoreTx) => Promise<T>): Promise<T> => store.transaction(work).finally(() => void (counts.transactions += 1));

async function gets(t: StoreTx, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) await t.docs.get('call', `${owner}-call`);
}

async function append(t: StoreTx): Promise<void> {
  await t.outbox.append([{ stream: key('stream'), payload: PAYLOAD }]);
}

/** The ten call-transaction shapes of one session (createCall, joins, mute, leaves, hang-up, timers). */
const SHAPES: ((t: StoreTx) => Promise<void>)[] = [
  (t) => update(t, 4),
  (t) => update(t, 4),
  (t) => update(t, 3),
  (t) => update(t, 3),
  async (t) => {
    await gets(t, 2);
    await append(t);
    await gets(t, 3);
    await t.timers.set(key('t1'), Date.now() + 60_000, { a: 1 });
    await t.timers.set(key('t2'), Date.now() + 60_000, { a: 2 });
    for (const what of ['p1', 'p2', 'p3']) await t.docs.put('participant', key(what), DOC);
  },
  async (t) => {
    await gets(t, 2);
    await append(t);
    await t.timers.set(key('t3'), Date.now() + 60_000, {});
    await t.timers.complete(key('t0'), owner);
    await t.docs.put('call', `${owner}-call`, DOC);
  },
  async (t) => {
    await update(t, 3);
    await gets(t, 1);
    await t.docs.put('meeting', key('m'), DOC);
  },
  async (t) => {
    await gets(t, 2);
    await append(t);
    await t.timers.complete(key('t0'), owner);
  },
  (t) => hangUp(t, false),
  (t) => hangUp(t, true),
];

/** Reads, one outbox message, one document update: joins, mute, leaves. */
async function update(t: StoreTx, reads: number): Promise<void> {
  await gets(t, reads);
  await append(t);
  await t.docs.put('call', `${owner}-call`, DOC);
}

/** The two hang-up transactions: a dozen timers cancelled, participants deleted. */
async function hangUp(t: StoreTx, deletes: boolean): Promise<void> {
  await gets(t, 1);
  await append(t);
  for (let i = 0; i < 13; i += 1) await t.timers.cancel(key(`c${i}`));
  await t.timers.set(key(deletes ? 't5' : 't4'), Date.now() + 60_000, {});
  if (!deletes) return void (await t.docs.put('call', `${owner}-call`, DOC));
  await gets(t, 2);
  await t.timers.complete(key('t0'), owner);
  await t.docs.put('call', `${owner}-call`, DOC);
  await t.docs.delete('participant', key('p1'));
  await t.docs.delete('participant', key('p2'));
}

/** After these shapes (1-based) a claim runs, and each claimed message gets its delivery transaction: 4 claims per session. */
const CLAIM_AFTER = new Set([3, 6, 8, 10]);

async function deliverClaimed(): Promise<void> {
  claimed.push(...(await tx((t) => t.outbox.claim({ now: Date.now(), leaseMs: 30_000, limit: 16, owner }))).map((m) => m.seq));
  for (let seq = claimed.shift(); seq !== undefined; seq = claimed.shift()) {
    const at = Date.now();
    await tx(async (t) => {
      await t.outbox.complete(seq, owner);
      await t.deliveries.append({ seq, callId: owner, appId: 'bare', tenantId: 'bare', url: 'https://127.0.0.1/cb', attempt: 1, at, status: 202, latencyMs: 1.5, outcome: 'delivered', summary: '202', requestId: 'r', payload: PAYLOAD, jwtClaims: { aud: 'bare' } });
    });
  }
}

async function cycle(): Promise<void> {
  serial += 1;
  for (const [index, shape] of SHAPES.entries()) {
    // 14 committed reads per session (GET call, list participants, lookups outside transactions).
    const reads = index < 4 ? 2 : 1;
    await Promise.all([tx(shape), ...Array.from({ length: reads }, () => store.docs.get('call', `${owner}-call`))]);
    counts.reads += reads;
    if (CLAIM_AFTER.has(index + 1)) await deliverClaimed();
  }
  if (serial % 2 === 0) await tx((t) => t.timers.claimDue({ now: Date.now(), leaseMs: 30_000, limit: 16, owner }).then(() => undefined));
  counts.cycles += 1;
}

await store.docs.put('call', `${owner}-call`, DOC);
process.send?.({ type: 'ready' });
// Each `go` is one window of `seconds`, answered by `done`; `stop` closes the store and exits.
process.on('message', (message: { type: string }) => {
  if (message.type === 'go') void window().then((result) => process.send?.(result));
  if (message.type === 'stop') void store.close().finally(() => process.exit(0));
});

async function window(): Promise<Record<string, unknown>> {
  Object.assign(counts, { transactions: 0, reads: 0, cycles: 0 });
  const cpu = process.cpuUsage();
  const started = performance.now();
  while (performance.now() < started + Number(secondsArg) * 1000) await cycle();
  const used = process.cpuUsage(cpu);
  return { type: 'done', ...counts, seconds: (performance.now() - started) / 1000, cpuMs: (used.user + used.system) / 1000 };
}
