/**
 * The in-run baseline: bare Fastify 5 (no logging, no schemas, default settings), as
 * PERF-BASELINES.md measured it. GET routes answer the JSON captured from Switchboard, copied into
 * a fresh object per request so Fastify serialises it each time as a real route would; POST
 * routes parse the body and echo it. Plain HTTP on 127.0.0.1, port 0; reports its port over IPC.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import type { BaselineRoute } from './baseline-process.js';

const routes = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as BaselineRoute[];
process.on('disconnect', () => process.exit(0));

const app = Fastify({ logger: false });
for (const route of routes) {
  if (route.method === 'GET') {
    const payload = JSON.parse(route.body ?? '{}') as Record<string, unknown>;
    app.get(route.url, async () => ({ ...payload }));
  } else {
    app.post(route.url, async (request) => request.body);
  }
}
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });
process.on('message', (message: { type?: string }) => {
  if (message.type === 'stop') void app.close().finally(() => process.exit(0));
});
