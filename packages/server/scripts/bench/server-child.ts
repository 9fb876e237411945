/**
 * The server under test, in its own process (forked by server-process.ts with --expose-gc), so
 * its memory and CPU are measured apart from the load generator. Started the same way as
 * test/helpers/server.ts does it: loadConfig + startServer, on 127.0.0.1, port 0.
 *
 * IPC protocol (parent → child): `sample` (drain the outbox, force GC, report memory and CPU),
 * `stop`. Child → parent: `ready`, `sample`, `failed`.
 */
import { loadConfig } from '../../src/config/load.js';
import { startServer, type RunningServer } from '../../src/runtime/start-server.js';
import type { ChildReady, ParentMessage } from './server-protocol.js';
import { sampleServer } from './server-sample.js';

// store: memory | sqlite | postgres; database: the postgres:// URL when store is postgres (bench-scale).
// `--plain-http` anywhere: also listen on plain HTTP (127.0.0.1), so HTTP benchmarks can compare
// the app with a bare Fastify baseline without TLS in both numbers.
const PLAIN_HTTP = '--plain-http';
const args = process.argv.slice(2);
const [dataDir, store, database] = args.filter((arg) => arg !== PLAIN_HTTP);
const plainHttp = args.includes(PLAIN_HTTP) ? { httpPort: 0 } : {};
const send = (message: unknown): void => void process.send?.(message);

// The parent went away (crash, time limit): never outlive it.
process.on('disconnect', () => process.exit(0));

let server: RunningServer;
try {
  // Environment ignored ({}): a SWITCHBOARD_* variable in the shell must not change what is measured.
  const storage = store === 'postgres' ? { inMemory: false, database } : { inMemory: store !== 'sqlite' };
  const config = loadConfig({ port: 0, dataDir, ...storage, ...plainHttp, logLevel: 'silent', latency: 'instant' }, {});
  server = await startServer(config);
} catch (error) {
  send({ type: 'failed', error: error instanceof Error ? error.stack : String(error) });
  process.exit(1);
}

const ready: ChildReady = {
  type: 'ready',
  port: Number(new URL(server.httpsUrl).port),
  caPem: server.tls.caPem,
  adminKey: server.deps.adminKey,
  gcForced: typeof globalThis.gc === 'function',
  ...(server.httpUrl ? { httpPort: Number(new URL(server.httpUrl).port) } : {}),
};
send(ready);

process.on('message', (message: ParentMessage) => {
  if (message.type === 'sample') void sampleServer(server, message.id).then(send);
  if (message.type === 'stop') void server.close().finally(() => process.exit(0));
});
