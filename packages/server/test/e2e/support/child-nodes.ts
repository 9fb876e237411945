/**
 * Switchboard nodes as child processes on one PostgreSQL database and one data directory (shared
 * CA, admin key), for tests that kill a node with SIGKILL. Each child listens on its own random
 * port and is known by the URL its start banner prints: every child overwrites <data>/server.json,
 * so that file cannot tell them apart. PGAPPNAME names each child's database sessions
 * (pg_stat_activity.application_name), so a test can tell which node is blocked on a lock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { DEMO } from '../../../src/world/demo-world.js';
import type { HttpResult, Json, Method } from './harness.js';

const cli = new URL('../fixtures/cli.ts', import.meta.url).pathname;
/** tsx compiles the server on start; two cores shared with other suites make that slow. */
const START_TIMEOUT_MS = 45_000;
const REQUEST_TIMEOUT_MS = 10_000;
/** The tail of a child's output kept for a failure message: the last warnings, not a whole run. */
const OUTPUT_TAIL_CHARS = 8000;

export interface ChildNodeOptions {
  dataDir: string;
  databaseUrl: string;
  /** Extra `start` flags, e.g. ['--latency', 'instant', '--lease-ms', '2000']. */
  args: string[];
}

export class ChildNode {
  private token: { value: string; until: number } | undefined;
  private tail = '';

  private constructor(
    readonly name: string,
    readonly process: ChildProcess,
    readonly httpsUrl: string,
    private readonly agent: Agent,
    private readonly adminKey: string,
  ) {
    // Its logs (and a crash's stack) go to the test's stderr as before, and the tail is kept for output().
    this.process.stderr?.on('data', (chunk: Buffer) => {
      this.tail = (this.tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
    });
  }

  static async start(name: string, options: ChildNodeOptions): Promise<ChildNode> {
    const args = ['--import', 'tsx', cli, 'start', '--port', '0', '--data', options.dataDir, '--database', options.databaseUrl, '--log-level', 'silent', ...options.args];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PGAPPNAME: name } });
    child.stderr!.pipe(process.stderr, { end: false });
    try {
      const httpsUrl = await bannerUrlOf(child);
      const agent = new Agent({ connect: { ca: await readFile(join(options.dataDir, 'ca.pem'), 'utf8') } });
      const adminKey = (await readFile(join(options.dataDir, 'admin.key'), 'utf8')).trim();
      return new ChildNode(name, child, httpsUrl, agent, adminKey);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
  }

  /** Trusts the shared CA: for a bot receiver that validates tokens against a node's metadata. */
  get dispatcher(): Agent {
    return this.agent;
  }

  /** The last of what the child wrote to stderr (its logs at the level its args set), for a failure message. */
  output(): string {
    return this.tail;
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** SIGKILL: no shutdown hook runs, leases stay in the database until they expire. */
  async kill(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGKILL');
    await exited;
  }

  async close(): Promise<void> {
    await this.kill();
    await this.agent.close();
  }

  /** A Graph request as the demo bot (app-only token from this node's token endpoint). */
  async graph<T = Json>(method: Method, path: string, body?: unknown): Promise<HttpResult<T>> {
    return this.send<T>(method, `/v1.0${path}`, `Bearer ${await this.appToken()}`, body);
  }

  /** A control-API request with the shared admin key. */
  control<T = Json>(method: Method, path: string, body?: unknown): Promise<HttpResult<T>> {
    return this.send<T>(method, `/_switchboard${path}`, `Bearer ${this.adminKey}`, body);
  }

  private async appToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: DEMO.appId, client_secret: DEMO.appSecret, scope: 'https://graph.microsoft.com/.default' });
    const response = await this.send<{ access_token?: string }>('POST', `/${DEMO.tenantId}/oauth2/v2.0/token`, undefined, form.toString(), 'application/x-www-form-urlencoded');
    if (!response.body.access_token) throw new Error(`${this.name}: token request failed: ${response.status} ${response.raw}`);
    this.token = { value: response.body.access_token, until: Date.now() + 30 * 60_000 };
    return this.token.value;
  }

  private async send<T>(method: Method, path: string, authorization?: string, body?: unknown, contentType = 'application/json'): Promise<HttpResult<T>> {
    const response = await request(`${this.httpsUrl}${path}`, {
      method,
      dispatcher: this.agent,
      headers: { ...(authorization ? { authorization } : {}), ...(body === undefined ? {} : { 'content-type': contentType }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      headersTimeout: REQUEST_TIMEOUT_MS,
      bodyTimeout: REQUEST_TIMEOUT_MS,
    });
    const raw = await response.body.text();
    return { status: response.statusCode, headers: response.headers, body: parseJson(raw) as T, raw };
  }
}

/**
 * Starts the first node alone (it creates the CA, the admin key and the schema in the shared data
 * directory and database), then the others at once.
 */
export async function startChildNodes(names: string[], options: ChildNodeOptions): Promise<ChildNode[]> {
  const [first, ...rest] = names;
  const started = await Promise.allSettled([ChildNode.start(first!, options)]);
  if (started[0]!.status === 'fulfilled') started.push(...(await Promise.allSettled(rest.map((name) => ChildNode.start(name, options)))));
  const nodes = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (!failed) return nodes;
  await Promise.all(nodes.map((node) => node.close()));
  throw failed.reason;
}

/** The https URL the child's start banner prints ("Graph base URL  https://…/v1.0"); bounded. */
function bannerUrlOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let printed = '';
    const fail = (reason: string) => () => reject(new Error(`the child node ${reason}; it printed: ${printed.slice(0, 500)}`));
    const timer = setTimeout(fail(`did not start within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    child.once('exit', fail('exited before it listened'));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      printed += chunk;
      const url = /Graph base URL\s+(https:\/\/\S+)\/v1\.0/.exec(printed)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve(url);
    });
  });
}

function parseJson(raw: string): unknown {
  try {
    return raw === '' ? undefined : JSON.parse(raw);
  } catch {
    return undefined;
  }
}
