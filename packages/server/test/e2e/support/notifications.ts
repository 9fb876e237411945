import assert from 'node:assert/strict';
import type { ReceivedCallback, WebhookReceiver } from '../../helpers/webhook-receiver.js';
import type { Json } from './harness.js';

/** One roster entry of a participants notification, reduced to what tests look at. */
export interface RosterEntry {
  id: string;
  isMuted: boolean;
  isInLobby: boolean;
  rosterSequenceNumber: number;
  /** The identitySet member present: user, application, guest … */
  identityKind: string;
  identityId: string;
}

/** One commsNotification of a received callback. */
export interface Notice {
  changeType: string;
  resourceUrl: string;
  /** The call's state for call notifications. */
  state?: string;
  resultInfo?: { code: number; subcode: number; message: string };
  /** The entries of a participants notification. */
  participants?: RosterEntry[];
  resourceData: unknown;
  /** The commsNotification as sent. */
  item: Json;
  /** The POST it came in. */
  callback: ReceivedCallback;
}

const callUrl = (callId: string) => `/communications/calls/${callId}`;

export const isRoster = (notice: Notice): boolean => notice.resourceUrl.endsWith('/participants');

/** The commsNotification items of one callback POST. */
export function itemsOf(callback: ReceivedCallback): Json[] {
  const body = callback.body as { value?: Json[] } | undefined;
  return Array.isArray(body?.value) ? body.value : [];
}

function rosterEntry(raw: Json): RosterEntry {
  const identity = ((raw.info as Json | undefined)?.identity ?? {}) as Json;
  const [identityKind = '', member] = Object.entries(identity).find(([key, value]) => !key.startsWith('@') && typeof value === 'object' && value !== null) ?? [];
  return {
    id: String(raw.id),
    isMuted: raw.isMuted === true,
    isInLobby: raw.isInLobby === true,
    rosterSequenceNumber: Number(raw.rosterSequenceNumber),
    identityKind,
    identityId: String((member as Json | undefined)?.id ?? ''),
  };
}

function notice(item: Json, callback: ReceivedCallback): Notice {
  const data = item.resourceData;
  const call = !Array.isArray(data) && typeof data === 'object' && data !== null ? (data as Json) : undefined;
  return {
    changeType: String(item.changeType),
    resourceUrl: String(item.resourceUrl),
    ...(call?.state !== undefined ? { state: String(call.state) } : {}),
    ...(call?.resultInfo ? { resultInfo: call.resultInfo as Notice['resultInfo'] } : {}),
    ...(Array.isArray(data) ? { participants: (data as Json[]).map(rosterEntry) } : {}),
    resourceData: data,
    item,
    callback,
  };
}

/** Every notification about `callId` (the call or its sub-resources), in arrival order. */
export function notificationsFor(receiver: WebhookReceiver, callId: string): Notice[] {
  const prefix = callUrl(callId);
  return receiver.received.flatMap((callback) =>
    itemsOf(callback)
      .filter((item) => item.resourceUrl === prefix || String(item.resourceUrl).startsWith(`${prefix}/`))
      .map((item) => notice(item, callback)),
  );
}

/** Short labels for assertions and failure messages: `updated establishing`, `updated roster[2]`, `deleted terminated 200/5001`. */
export function describeNotice(n: Notice): string {
  if (n.participants) return `${n.changeType} roster[${n.participants.length}]`;
  const result = n.resultInfo ? ` ${n.resultInfo.code}/${n.resultInfo.subcode}` : '';
  return `${n.changeType} ${n.state ?? '?'}${result}`;
}

/**
 * Waits for the first notification about `callId` that matches (already received or still to
 * come) and returns it. Bounded: fails after `timeoutMs` with what did arrive.
 */
export async function waitForNotice(receiver: WebhookReceiver, callId: string, predicate: (n: Notice) => boolean, timeoutMs = 5000): Promise<Notice> {
  const matches = (callback: ReceivedCallback) => notificationsFor({ ...receiver, received: [callback] }, callId).some(predicate);
  try {
    const callback = await receiver.waitFor(matches, timeoutMs);
    return notificationsFor({ ...receiver, received: [callback] }, callId).find(predicate)!;
  } catch (error) {
    const seen = notificationsFor(receiver, callId).map(describeNotice).join(', ') || 'nothing';
    throw new Error(`${(error as Error).message.split(';')[0]} for call ${callId}; its notifications so far: ${seen}`);
  }
}

/** Waits for the call's `deleted` notification (the call is over). */
export const waitForDeleted = (receiver: WebhookReceiver, callId: string, timeoutMs?: number): Promise<Notice> =>
  waitForNotice(receiver, callId, (n) => n.changeType === 'deleted' && !isRoster(n), timeoutMs);

export const waitForState = (receiver: WebhookReceiver, callId: string, state: string, timeoutMs?: number): Promise<Notice> =>
  waitForNotice(receiver, callId, (n) => !isRoster(n) && n.state === state, timeoutMs);

/** Every callback POST this receiver got carried a token a production bot accepts, for `appId` in `tenantId`. */
export function assertCallbacksValid(receiver: WebhookReceiver, expected: { appId: string; tenantId: string }): void {
  assert.ok(receiver.received.length > 0, 'the receiver got no callbacks');
  for (const callback of receiver.received) {
    const label = `callback ${callback.raw.slice(0, 100)}`;
    assert.equal(callback.method, 'POST', label);
    assert.equal(callback.valid, true, `${label}: ${callback.validationError}`);
    assert.equal(callback.header?.alg, 'RS256', label);
    assert.equal(callback.claims?.iss, 'https://api.botframework.com', label);
    assert.equal(callback.claims?.aud, expected.appId, label);
    assert.equal(callback.claims?.tid, expected.tenantId, label);
    for (const claim of ['iat', 'nbf', 'exp'] as const) assert.equal(typeof callback.claims?.[claim], 'number', `${label}: ${claim}`);
    assert.match(String(callback.headers['content-type']), /^application\/json/, label);
    assert.equal((callback.body as Json | undefined)?.['@odata.type'], '#microsoft.graph.commsNotifications', label);
  }
}
