import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { close, listen } from './openid-server.js';

/** One request the fake Graph received. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** What the fake answers. */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeGraph {
  url: string;
  seen: SeenRequest[];
  /** Answers to give, in order; when empty, `fallback` answers. */
  queue: FakeAnswer[];
  fallback: (request: SeenRequest) => FakeAnswer;
  close(): Promise<void>;
}

/** A local Graph stand-in on 127.0.0.1 that records requests and answers from a queue. */
export async function startFakeGraph(): Promise<FakeGraph> {
  const fake: FakeGraph = { url: '', seen: [], queue: [], fallback: () => ({ status: 200, body: {} }), close: async () => {} };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const seen = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: raw ? (JSON.parse(raw) as unknown) : undefined };
      fake.seen.push(seen);
      const answer = fake.queue.shift() ?? fake.fallback(seen);
      const body = answer.body === undefined ? '' : JSON.stringify(answer.body);
      response.writeHead(answer.status, { ...(body ? { 'content-type': 'application/json' } : {}), ...answer.headers }).end(body);
    });
  });
  await listen(server);
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => close(server);
  return fake;
}
