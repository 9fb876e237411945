/**
 * The server under test for the join-scale and calls benchmarks: child-server.ts's start-up and
 * memory/CPU `sample`, plus `seed`, which has a crowd join a meeting through the people use case
 * (one transaction, one roster version; PeopleService.joinCrowd). Forked by join-server-process.ts.
 */
import type { RunningServer } from '../../src/runtime/start-server.js';
import { sendToParent, serveBenchChild } from './child-server.js';
import type { SeedRequest, Seeded } from './join-server-protocol.js';

const [dataDir, store] = process.argv.slice(2);

await serveBenchChild({ dataDir, inMemory: store !== 'sqlite', console: 'off' }, (server, message) => {
  if (message.type === 'seed') void seed(server, message as SeedRequest).then(sendToParent);
});

async function seed(server: RunningServer, { id, meetingId, count }: SeedRequest): Promise<Seeded> {
  try {
    const crowd = await server.deps.services.people.joinCrowd(meetingId, count, 'Seeded guest');
    return { type: 'seeded', id, conferenceId: crowd.conferenceId };
  } catch (error) {
    return { type: 'seeded', id, conferenceId: '', error: error instanceof Error ? error.message : String(error) };
  }
}
