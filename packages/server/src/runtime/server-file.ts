import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerInfo } from '../cli/control-client.js';

/**
 * `<data>/server.json` names a running server for the CLI twins (control-client.ts). Nodes that
 * share a data directory (PostgreSQL scale-out, docs/deployment.md) each also keep
 * `<data>/nodes/<instance>.json`, so a node that stops hands `server.json` to a node still
 * running instead of leaving the CLI with no server, and never removes another node's entry.
 */
export interface ServerFile {
  publish(): Promise<void>;
  withdraw(): Promise<void>;
}

export function serverFile(dataDir: string, address: Omit<ServerInfo, 'instance' | 'startedAt'>, now = new Date()): ServerFile {
  const info: ServerInfo = { ...address, instance: randomUUID(), startedAt: now.toISOString() };
  const nodes = join(dataDir, 'nodes');
  const own = join(nodes, `${info.instance}.json`);
  return {
    publish: async () => {
      await mkdir(nodes, { recursive: true });
      await writeAtomically(own, info);
      await writeAtomically(join(dataDir, 'server.json'), info);
    },
    withdraw: async () => {
      await rm(own, { force: true });
      if ((await readInfo(join(dataDir, 'server.json')))?.instance !== info.instance) return;
      const next = await newestNode(nodes);
      if (next) await writeAtomically(join(dataDir, 'server.json'), next);
      else await rm(join(dataDir, 'server.json'), { force: true });
    },
  };
}

/** Readers never see a half-written file: write aside, then rename over. */
async function writeAtomically(path: string, info: ServerInfo): Promise<void> {
  const aside = `${path}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(aside, `${JSON.stringify(info, null, 2)}\n`);
  await rename(aside, path);
}

async function readInfo(path: string): Promise<ServerInfo | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as ServerInfo;
  } catch {
    return undefined;
  }
}

/** The most recently started node still listed (a crashed node's entry stays, as server.json did). */
async function newestNode(nodes: string): Promise<ServerInfo | undefined> {
  const names = (await readdir(nodes).catch(() => [] as string[])).filter((name) => name.endsWith('.json'));
  const infos = (await Promise.all(names.map((name) => readInfo(join(nodes, name))))).filter((info): info is ServerInfo => info !== undefined);
  return infos.sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
}
