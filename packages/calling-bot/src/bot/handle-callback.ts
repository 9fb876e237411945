import type { CallbackRequest, CallbackResult } from '../adapters/callback-handler.js';
import type { GraphVersion } from '../graph-types.js';
import { CallbackAuthError, type CallbackVerifier, type VerifiedCallback } from '../notifications/callback-verifier.js';
import type { CallingEvent } from '../notifications/events.js';
import { NotificationFormatError, parseNotifications } from '../notifications/parse-notifications.js';

/** A verified callback's events, or why it was refused. */
export type CallbackOutcome<V extends GraphVersion> =
  | { result: CallbackResult & { status: 202 }; verified: VerifiedCallback; events: CallingEvent<V>[] }
  | { result: CallbackResult & { status: 400 | 403 } };

/** Verifies the token first (nothing of an unauthenticated body is looked at), then parses. */
export async function verifyAndParse<V extends GraphVersion>(verifier: CallbackVerifier, request: CallbackRequest): Promise<CallbackOutcome<V>> {
  let verified: VerifiedCallback;
  try {
    verified = await verifier.verify(request.authorization);
  } catch (error) {
    if (error instanceof CallbackAuthError) return { result: { status: 403, error: `${error.reason}: ${error.message}` } };
    throw error;
  }
  try {
    return { result: { status: 202 }, verified, events: parseNotifications<V>(jsonOf(request.body)) };
  } catch (error) {
    if (error instanceof NotificationFormatError || error instanceof SyntaxError) return { result: { status: 400, error: error.message } };
    throw error;
  }
}

function jsonOf(body: unknown): unknown {
  if (typeof body === 'string') return JSON.parse(body);
  if (Buffer.isBuffer(body) || body instanceof Uint8Array) return JSON.parse(Buffer.from(body).toString('utf8'));
  return body;
}
