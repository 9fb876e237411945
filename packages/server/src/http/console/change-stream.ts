import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeFeed } from '../../observe/change-feed.js';

/** Changes are gathered this long before one event goes out: a join touches several documents. */
const COALESCE_MS = 100;
/** A comment line now and then keeps proxies and the browser from dropping an idle stream. */
const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events: `event: change` with the topics (document kinds, "deliveries", "outbox")
 * written since the last event; the console refetches what those topics show. No polling.
 */
export function streamChanges(request: FastifyRequest, reply: FastifyReply, feed: ChangeFeed, open: Set<() => void>): void {
  reply.hijack();
  const out = reply.raw;
  out.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
  out.write(`retry: 2000\nevent: ready\ndata: {}\n\n`);
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    timer = undefined;
    out.write(`event: change\ndata: ${JSON.stringify({ topics: [...pending].sort() })}\n\n`);
    pending.clear();
  };
  const unsubscribe = feed.subscribe((topics) => {
    topics.forEach((topic) => pending.add(topic));
    timer ??= setTimeout(flush, COALESCE_MS);
  });
  const heartbeat = setInterval(() => out.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const end = (): void => void out.end();
  open.add(end);
  request.raw.on('close', () => {
    open.delete(end);
    unsubscribe();
    clearInterval(heartbeat);
    if (timer) clearTimeout(timer);
  });
}
