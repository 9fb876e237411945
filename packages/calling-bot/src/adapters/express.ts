import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallbackHandler } from './callback-handler.js';
import { handleNode, type NodeAdapterOptions } from './node-http.js';

/** The part of an Express request the adapter uses (Express requests extend node's). */
export interface ExpressLikeRequest extends IncomingMessage {
  /** Set by `express.json()` / `express.text()` / `express.raw()` when mounted before the adapter. */
  body?: unknown;
}

/**
 * Express middleware for the callback route: `app.post('/callback', expressHandler(bot))`. Works
 * with or without a body parser in front (an empty `{}` from a parser that did not match the
 * content type is treated as "not read"). Errors go to `next`.
 */
export function expressHandler(handler: CallbackHandler, options: NodeAdapterOptions = {}) {
  return (request: ExpressLikeRequest, response: ServerResponse, next: (error?: unknown) => void): void => {
    handleNode(handler, request, response, readAlready(request), options).catch(next);
  };
}

function readAlready(request: ExpressLikeRequest): unknown {
  const body = request.body;
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'object' && !Buffer.isBuffer(body) && Object.keys(body).length === 0 && !request.readableEnded) return undefined;
  return body;
}
