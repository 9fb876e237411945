/**
 * The limit baseline's process (issue 9): bare Fastify plus limit-outbox.ts, the least durable
 * work shaped like Switchboard's mute and callback paths.
 * - POST /v1.0/communications/calls/:callId/:action parses the body, then in one transaction
 *   (shared with the other requests of its event-loop turn, as the store's group commit does)
 *   rewrites the call's ~1 KB JSON document and appends an outbox row (`bodyBytes` long), answers
 *   an operation once committed, and the outbox delivers the row to the receiver and deletes it.
 * - IPC `enqueue` appends `count` rows paced like callbacks-child.ts (`perTransaction` per
 *   transaction) and answers their stamps per stream.
 * argv: data directory, receiver base URL (…/bots/), concurrency, outbox body bytes.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify from 'fastify';
import { openLimitOutbox, perTurn } from './limit-outbox.js';
import type { LimitChildRequest } from './limit-protocol.js';
import type { StampsByStream } from './callbacks-protocol.js';

const [dataDir = '.', receiverBase = '', concurrencyArg = '16', bodyBytesArg = '600'] = process.argv.slice(2);
const outbox = openLimitOutbox(join(dataDir, 'limit.db'), receiverBase, Number(concurrencyArg));
const body = filler(Number(bodyBytesArg));
const DOC_BYTES = 1024;
process.on('disconnect', () => process.exit(0));

outbox.db.exec('CREATE TABLE IF NOT EXISTS docs (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
const upsert = outbox.db.prepare('INSERT INTO docs (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body');
const streamsByCall = new Map<string, number>();
const muteAll = outbox.db.transaction((mutes: { callId: string; muted: boolean }[]) => {
  for (const { callId, muted } of mutes) {
    upsert.run(callId, JSON.stringify({ id: callId, muted, padding: 'x'.repeat(DOC_BYTES - 60) }));
    outbox.append(streamOf(callId), body);
  }
});
const mute = perTurn(muteAll);

const app = Fastify({ logger: false });
app.post<{ Params: { callId: string; action: string }; Body: { clientContext?: string } }>('/v1.0/communications/calls/:callId/:action', async (request) => {
  const { callId, action } = request.params;
  await mute({ callId, muted: action === 'mute' });
  outbox.nudge();
  return { '@odata.type': '#microsoft.graph.muteParticipantOperation', id: `${callId}-${action}`, status: 'completed', clientContext: request.body.clientContext };
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });

process.on('message', (request: LimitChildRequest) => {
  if (request.type === 'stop') {
    void app.close().then(() => outbox.close()).finally(() => process.exit(0));
    return;
  }
  void handle(request).then(
    (result) => process.send?.({ type: 'done', id: request.id, result }),
    (error: unknown) => process.send?.({ type: 'error', id: request.id, error: String(error) }),
  );
});

async function handle(request: Exclude<LimitChildRequest, { type: 'stop' }>): Promise<unknown> {
  if (request.type === 'drained') return outbox.drained();
  if (request.type === 'cpu') return cpuMs();
  return paced(request.count, request.perSecond, request.perTransaction, request.streams);
}

function streamOf(callId: string): number {
  let stream = streamsByCall.get(callId);
  if (stream === undefined) streamsByCall.set(callId, (stream = streamsByCall.size));
  return stream;
}

/** Same pacing and stamping as callbacks-child.ts `paced`: a group's items stamped just before its transaction. */
async function paced(count: number, perSecond: number, perGroup: number, streamCount: number): Promise<StampsByStream> {
  const stamps: StampsByStream = Array.from({ length: streamCount }, () => []);
  const append = outbox.db.transaction((streams: number[]) => {
    for (const stream of streams) outbox.append(stream, body);
  });
  const start = performance.now();
  for (let i = 0; i < count; i += perGroup) {
    const wait = perSecond > 0 ? start + (i * 1000) / perSecond - performance.now() : 0;
    if (wait > 1) await sleep(wait);
    const streams = Array.from({ length: Math.min(perGroup, count - i) }, (_, k) => (i + k) % streamCount);
    const at = performance.timeOrigin + performance.now();
    for (const stream of streams) stamps[stream]?.push(at);
    append(streams);
    outbox.nudge();
  }
  return stamps;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** A JSON body of about `bytes` bytes, shaped like a notification collection. */
function filler(bytes: number): string {
  const shell = JSON.stringify({ value: [{ changeType: 'updated', resourceUrl: '/communications/calls/x/participants', resourceData: [{ pad: '' }] }] });
  return shell.replace('"pad":""', `"pad":"${'x'.repeat(Math.max(0, bytes - shell.length))}"`);
}
