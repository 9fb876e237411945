/**
 * The server under test for the join-scale and calls benchmarks: server-child.ts's start-up and
 * memory/CPU `sample`, plus `seed`, which has a crowd join a meeting through the people use case
 * (one transaction, one roster version; PeopleService.joinCrowd). Forked by join-server-process.ts.
 */
import { loadConfig } from '../../src/config/load.js';
import { startServer, type RunningServer } from '../../src/runtime/start-server.js';
import type { JoinParentMessage, SeedRequest, Seeded } from './join-server-protocol.js';
import type { ChildReady } from './server-protocol.js';
import { sampleServer } from './server-sample.js';

const [dataDir, store] = process.argv.slice(2);
const send = (message: unknown): void => void process.send?.(message);

// The parent went away (crash, time limit): never outlive it.
process.on('disconnect', () => process.exit(0));

let server: RunningServer;
try {
  // Environment ignored ({}): a SWITCHBOARD_* variable in the shell must not change what is measured.
  const config = loadConfig({ port: 0, dataDir, inMemory: store !== 'sqlite', logLevel: 'silent', latency: 'instant', console: 'off' }, {});
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
};
send(ready);

process.on('message', (message: JoinParentMessage) => {
  if (message.type === 'sample') void sampleServer(server, message.id).then(send);
  if (message.type === 'seed') void seed(message).then(send);
  if (message.type === 'stop') void server.close().finally(() => process.exit(0));
});

async function seed({ id, meetingId, count }: SeedRequest): Promise<Seeded> {
  try {
    const crowd = await server.deps.services.people.joinCrowd(meetingId, count, 'Seeded guest');
    return { type: 'seeded', id, conferenceId: crowd.conferenceId };
  } catch (error) {
    return { type: 'seeded', id, conferenceId: '', error: error instanceof Error ? error.message : String(error) };
  }
}
