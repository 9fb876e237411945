import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** One bot's view of a participant's first roster notification. */
export interface RosterArrival {
  at: number;
  bot: number;
}

export type TokenCheck = (token: string | undefined) => Promise<boolean>;

export interface ReceiverOptions {
  /** Called for every accepted POST with its bot index and arrival time (performance.now()). */
  onPost?(bot: number, at: number): void;
}

export interface BenchReceiver {
  /** The callbackUri of bot `index`. */
  urlFor(index: number): string;
  /** performance.now() when the `updated` notification with state `established` arrived, by call id. */
  established: Map<string, number>;
  /** When the call's first roster notification arrived, by call id. */
  firstRoster: Map<string, number>;
  /** When a participant id first appeared in a roster `updated` notification, and at which bot. */
  rosterSeen: Map<string, RosterArrival>;
  /** When the call's `deleted` notification (state terminated) arrived, by call id. */
  terminated: Map<string, number>;
  /** `lastAt`: performance.now() of the latest notification (notification throughput). */
  counts: { posts: number; notifications: number; rejected: number; lastAt: number };
  /** Resolves once `done()` holds (checked after every POST); rejects at `deadline` (performance.now()). */
  waitUntil(done: () => boolean, deadline: number, what: () => string): Promise<void>;
  close(): Promise<void>;
}

interface Notification {
  changeType?: string;
  resourceUrl?: string;
  resourceData?: unknown;
}

const CALL_URL = /\/communications\/calls\/([^/]+)$/;
const PARTICIPANTS_URL = /\/communications\/calls\/([^/]+)\/participants$/;

/**
 * A lean bot webhook on 127.0.0.1: reads the body, notes arrival times, answers 202. It keeps
 * no bodies (the test receiver keeps everything, which would be load-generator memory and CPU
 * here). Token validation is optional for the same reason.
 */
export async function startReceiver(checkToken?: TokenCheck, options: ReceiverOptions = {}): Promise<BenchReceiver> {
  const state = { established: new Map<string, number>(), firstRoster: new Map<string, number>(), rosterSeen: new Map<string, RosterArrival>(), terminated: new Map<string, number>() };
  const counts = { posts: 0, notifications: 0, rejected: 0, lastAt: 0 };
  const waiters = new Set<() => void>();
  const server = createServer((request, response) => {
    void handle(request, response).finally(() => {
      for (const wake of [...waiters]) wake();
    });
  });
  // Several thousand keep-alive sockets are not expected, but the dispatcher pools up to 16.
  server.keepAliveTimeout = 30_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const at = performance.now();
    counts.posts += 1;
    if (checkToken && !(await checkToken(/^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1]))) {
      counts.rejected += 1;
      response.writeHead(403).end();
      return;
    }
    const bot = Number(/^\/bots\/(\d+)$/.exec(request.url ?? '')?.[1] ?? -1);
    for (const notification of parse(raw)) record(notification, bot, at);
    options.onPost?.(bot, at);
    response.writeHead(202, { 'content-length': '0' }).end();
  }

  function record({ changeType, resourceUrl = '', resourceData }: Notification, bot: number, at: number): void {
    counts.notifications += 1;
    counts.lastAt = at;
    const call = CALL_URL.exec(resourceUrl)?.[1];
    if (call && changeType === 'deleted') state.terminated.set(call, at);
    if (call && (resourceData as { state?: string } | undefined)?.state === 'established' && !state.established.has(call)) state.established.set(call, at);
    const rosterOf = PARTICIPANTS_URL.exec(resourceUrl)?.[1];
    if (!rosterOf || changeType !== 'updated' || !Array.isArray(resourceData)) return;
    if (!state.firstRoster.has(rosterOf)) state.firstRoster.set(rosterOf, at);
    for (const participant of resourceData as { id?: string }[]) {
      if (participant.id && !state.rosterSeen.has(participant.id)) state.rosterSeen.set(participant.id, { at, bot });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlFor: (index) => `http://127.0.0.1:${port}/bots/${index}`,
    ...state,
    counts,
    waitUntil: (done, deadline, what) => waitUntil(waiters, done, deadline, what),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function waitUntil(waiters: Set<() => void>, done: () => boolean, deadline: number, what: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!done()) return;
      finish();
      resolve();
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out waiting for ${what()}`));
    }, Math.max(deadline - performance.now(), 0));
    const finish = (): void => {
      clearTimeout(timer);
      waiters.delete(check);
    };
    waiters.add(check);
    check();
  });
}

function parse(raw: string): Notification[] {
  try {
    const value = (JSON.parse(raw) as { value?: unknown }).value;
    return Array.isArray(value) ? (value as Notification[]) : [];
  } catch {
    return [];
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
