import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What `switchboard start` writes to <data>/server.json so CLI twins can find the running server. */
export interface ServerInfo {
  httpsUrl: string;
  httpUrl?: string;
  pid: number;
  /** This start of the server (nodes sharing a data directory each have one; server-file.ts). */
  instance: string;
  startedAt: string;
}

export class ControlError extends Error {
  constructor(readonly status: number, readonly body: unknown, message: string) {
    super(message);
    this.name = 'ControlError';
  }
}

/** Calls the control API of the server that runs on `dataDir`, with its admin key and CA. */
export async function controlRequest<T = unknown>(dataDir: string, method: string, path: string, body?: unknown): Promise<T> {
  const [info, adminKey, ca] = await Promise.all([readServerInfo(dataDir), readText(dataDir, 'admin.key'), readText(dataDir, 'ca.pem')]);
  // Loaded here, not at the top: `switchboard start` never needs it, and undici is ~0.15 s of a cold start.
  const { Agent, request } = await import('undici');
  const dispatcher = new Agent({ connect: { ca } });
  try {
    const res = await request(new URL(path, info.httpsUrl), {
      method: method as 'GET',
      dispatcher,
      headers: { authorization: `Bearer ${adminKey.trim()}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.body.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (res.statusCode >= 400) throw new ControlError(res.statusCode, parsed, describeFailure(res.statusCode, parsed));
    return parsed as T;
  } finally {
    await dispatcher.close();
  }
}

export async function readServerInfo(dataDir: string): Promise<ServerInfo> {
  try {
    return JSON.parse(await readText(dataDir, 'server.json')) as ServerInfo;
  } catch {
    throw new Error(`[switchboard] no running server found for data directory ${dataDir}; start one with \`switchboard start --data ${dataDir}\``);
  }
}

async function readText(dataDir: string, name: string): Promise<string> {
  return readFile(join(dataDir, name), 'utf8');
}

function describeFailure(status: number, body: unknown): string {
  const message = (body as { error?: { message?: string } } | undefined)?.error?.message;
  return `[switchboard] control API answered ${status}${message ? `: ${message}` : ''}`;
}
