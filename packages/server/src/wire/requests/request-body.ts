import { wireError } from './wire-error.js';

export type JsonObject = Record<string, unknown>;

/** A body that must be a JSON object (create call, answer, redirect). */
export function objectBody(body: unknown): JsonObject {
  if (body === undefined || body === null) throw wireError('emptyPayload');
  if (typeof body !== 'object' || Array.isArray(body)) throw wireError('bodyNotObject', { actual: Array.isArray(body) ? 'an array' : `a ${typeof body}` });
  return body as JsonObject;
}

/** Actions without required parameters (reject) accept no body at all: Graph reads it as `{}`. */
export function optionalObjectBody(body: unknown): JsonObject {
  return body === undefined || body === null ? {} : objectBody(body);
}
