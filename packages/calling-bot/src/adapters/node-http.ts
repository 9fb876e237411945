import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallbackHandler } from './callback-handler.js';

/** Options of the node:http and Express adapters. */
export interface NodeAdapterOptions {
  /** Largest accepted body in bytes (default 1 MiB); larger ones get 413. */
  maxBodyBytes?: number;
  /** Called with unexpected errors (the request is answered 500). */
  onError?: (error: unknown) => void;
}

/**
 * A `node:http` request listener for the bot's callback URL:
 * `createServer(nodeHttpHandler(bot)).listen(3978)`. Answers 405 to anything but POST.
 */
export function nodeHttpHandler(handler: CallbackHandler, options: NodeAdapterOptions = {}): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    if (request.method !== 'POST') return void response.writeHead(405, { allow: 'POST' }).end();
    handleNode(handler, request, response, undefined, options).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end();
      options.onError?.(error);
    });
  };
}

/** Handles one request whose body may already have been read by a framework. */
export async function handleNode(handler: CallbackHandler, request: IncomingMessage, response: ServerResponse, parsedBody: unknown, options: NodeAdapterOptions): Promise<void> {
  const body = parsedBody ?? (await readBody(request, options.maxBodyBytes ?? 1_048_576));
  if (body === tooLarge) return void response.writeHead(413).end();
  const result = await handler.handleCallback({ authorization: request.headers.authorization, body });
  response.writeHead(result.status).end();
}

const tooLarge = Symbol('too large');

async function readBody(request: IncomingMessage, limit: number): Promise<string | typeof tooLarge> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return tooLarge;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
