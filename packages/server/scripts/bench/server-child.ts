/**
 * The server under test, in its own process (forked by server-process.ts with --expose-gc), so
 * its memory and CPU are measured apart from the load generator (child-server.ts starts it).
 *
 * IPC protocol (parent → child): `sample` (drain the outbox, force GC, report memory and CPU),
 * `stop`. Child → parent: `ready`, `sample`, `failed`.
 */
import { serveBenchChild } from './child-server.js';

// store: memory | sqlite | postgres; database: the postgres:// URL when store is postgres (bench-scale).
// `--plain-http` anywhere: also listen on plain HTTP (127.0.0.1), so HTTP benchmarks can compare
// the app with a bare Fastify baseline without TLS in both numbers.
const PLAIN_HTTP = '--plain-http';
const args = process.argv.slice(2);
const [dataDir, store, database] = args.filter((arg) => arg !== PLAIN_HTTP);
const plainHttp = args.includes(PLAIN_HTTP) ? { httpPort: 0 } : {};
const storage = store === 'postgres' ? { inMemory: false, database } : { inMemory: store !== 'sqlite' };

await serveBenchChild({ dataDir, ...storage, ...plainHttp });
