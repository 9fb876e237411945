/**
 * Which of our child processes holds an open TCP connection to a local port (Linux /proc): how a
 * kill test finds the node that is delivering a callback right now. Requires receivers to answer
 * with `connection: close`, so only a node with a request in flight has a socket open to them.
 */
import { readdir, readFile, readlink } from 'node:fs/promises';

const ESTABLISHED = '01';

/** Undefined when no candidate (or more than one) has an established connection to `port`. */
export async function processConnectedTo(port: number, pids: number[]): Promise<number | undefined> {
  const inodes = await connectionInodes(port);
  const owners: number[] = [];
  for (const pid of pids) {
    if ((await socketInodes(pid)).some((inode) => inodes.has(inode))) owners.push(pid);
  }
  return owners.length === 1 ? owners[0] : undefined;
}

/** Inodes of established client sockets whose remote port is `port` (IPv4 and IPv6 tables). */
async function connectionInodes(port: number): Promise<Set<string>> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(table, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [remote, state, inode] = [fields[2], fields[3], fields[9]];
      if (state === ESTABLISHED && remote && Number.parseInt(remote.split(':')[1] ?? '', 16) === port && inode !== '0') inodes.add(inode!);
    }
  }
  return inodes;
}

async function socketInodes(pid: number): Promise<string[]> {
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => [] as string[]);
  const links = await Promise.all(fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')));
  return links.flatMap((link) => /^socket:\[(\d+)\]$/.exec(link)?.[1] ?? []);
}
