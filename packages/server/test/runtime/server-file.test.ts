import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { serverFile } from '../../src/runtime/server-file.js';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-server-file-'));
  dirs.push(dir);
  return dir;
}

const named = async (dir: string): Promise<string | undefined> => {
  try {
    return (JSON.parse(await readFile(join(dir, 'server.json'), 'utf8')) as { httpsUrl: string }).httpsUrl;
  } catch {
    return undefined;
  }
};

describe('server.json in a shared data directory', () => {
  it('names the server while it runs and is gone once it stops', async () => {
    const dir = await dataDir();
    const node = serverFile(dir, { httpsUrl: 'https://localhost:1', pid: 1 });
    await node.publish();
    assert.equal(await named(dir), 'https://localhost:1');
    await node.withdraw();
    assert.equal(await named(dir), undefined);
    assert.deepEqual(await readdir(join(dir, 'nodes')), []);
  });

  it('a node that stops leaves another node’s server.json alone', async () => {
    const dir = await dataDir();
    const first = serverFile(dir, { httpsUrl: 'https://localhost:1', pid: 1 }, new Date('2026-01-01T00:00:00Z'));
    const second = serverFile(dir, { httpsUrl: 'https://localhost:2', pid: 2 }, new Date('2026-01-01T00:00:01Z'));
    await first.publish();
    await second.publish();
    await first.withdraw();
    assert.equal(await named(dir), 'https://localhost:2');
  });

  it('the named node that stops hands server.json to the newest node still running', async () => {
    const dir = await dataDir();
    const nodes = [1, 2, 3].map((n) => serverFile(dir, { httpsUrl: `https://localhost:${n}`, pid: n }, new Date(Date.UTC(2026, 0, 1, 0, 0, n))));
    for (const node of nodes) await node.publish();
    await nodes[2]!.withdraw();
    assert.equal(await named(dir), 'https://localhost:2');
    await nodes[1]!.withdraw();
    assert.equal(await named(dir), 'https://localhost:1');
    await nodes[0]!.withdraw();
    assert.equal(await named(dir), undefined);
  });
});
