import type { GraphVersion } from '../graph-types.js';
import type { CallingEvent, OperationEvent, RawNotification, RosterUpdatedEvent } from './events.js';
import { parseResourcePath, type ResourcePath } from './resource-url.js';

/** A body that is not a `commsNotifications` envelope. */
export class NotificationFormatError extends Error {
  override readonly name = 'NotificationFormatError';
}

type JsonObject = Record<string, unknown>;
type Parsed = CallingEvent<GraphVersion>;

/**
 * Turns a `commsNotifications` body (already JSON-parsed) into typed events, one per item, in the
 * order received (BEHAVIOR §5 catalogue). Throws {@link NotificationFormatError} when the body is
 * not an envelope with a `value` array.
 */
export function parseNotifications<V extends GraphVersion = 'v1.0'>(body: unknown): CallingEvent<V>[] {
  const value = (body as { value?: unknown } | null | undefined)?.value;
  if (!Array.isArray(value)) throw new NotificationFormatError('expected a commsNotifications body with a value array');
  return value.filter(isObject).map((item) => parseOne(item as RawNotification) as CallingEvent<V>);
}

function parseOne(notification: RawNotification): Parsed {
  const path = parseResourcePath(notification.resourceUrl ?? notification.resource);
  if (!path) return { kind: 'unrecognized', callId: '', notification };
  const data = notification.resourceData;
  if (Array.isArray(data) && (path.collection === 'participants' || data.some(isParticipant))) return roster(path, notification, data);
  if (path.collection === 'contentsharingsessions') return contentSharing(path, notification);
  if (path.collection === 'operations' && isObject(data)) return operation(path, notification, data);
  if (path.collection === undefined) return callEvent(path.callId, notification, isObject(data) ? data : {});
  return { kind: 'unrecognized', callId: path.callId, notification };
}

function callEvent(callId: string, notification: RawNotification, call: JsonObject): Parsed {
  const base = { callId, notification, call };
  if (notification.changeType === 'created') return { kind: 'incomingCall', ...base };
  if (notification.changeType === 'deleted') return { kind: 'callTerminated', ...base };
  const toneInfo = call.toneInfo;
  if (isObject(toneInfo) && typeof toneInfo.tone === 'string') {
    const sequenceId = typeof toneInfo.sequenceId === 'number' ? toneInfo.sequenceId : undefined;
    return { kind: 'toneReceived', ...base, tone: toneInfo.tone, ...(sequenceId === undefined ? {} : { sequenceId }) };
  }
  return { kind: 'callStateChanged', ...base, ...(typeof call.state === 'string' ? { state: call.state as never } : {}) };
}

/** `deleted` roster items left; so did entries whose `removedState` is set. */
function roster(path: ResourcePath, notification: RawNotification, data: unknown[]): RosterUpdatedEvent<GraphVersion> {
  const entries = data.filter(isObject);
  const left = (p: JsonObject): boolean => notification.changeType === 'deleted' || isObject(p.removedState);
  return { kind: 'rosterUpdated', callId: path.callId, notification, updated: entries.filter((p) => !left(p)), removed: entries.filter(left) };
}

function operation(path: ResourcePath, notification: RawNotification, data: JsonObject): OperationEvent<GraphVersion> {
  const status = typeof data.status === 'string' ? data.status.toLowerCase() : 'completed';
  const kind = status === 'failed' ? 'operationFailed' : status === 'completed' ? 'operationCompleted' : 'operationUpdated';
  const operationId = typeof data.id === 'string' ? data.id : path.itemId;
  const clientContext = typeof data.clientContext === 'string' ? data.clientContext : undefined;
  const operationType = String(data['@odata.type'] ?? '#microsoft.graph.commsOperation').replace(/^#?microsoft\.graph\./, '');
  const optional = { ...(operationId === undefined ? {} : { operationId }), ...(clientContext === undefined ? {} : { clientContext }) };
  return { kind, callId: path.callId, notification, operationType, status, operation: data, ...optional };
}

/** Sessions come as an array on the collection URL, or only as the item URL with no data (answer example). */
function contentSharing(path: ResourcePath, notification: RawNotification): Parsed {
  const changeType = notification.changeType;
  if (changeType !== 'created' && changeType !== 'updated' && changeType !== 'deleted') return { kind: 'unrecognized', callId: path.callId, notification };
  const data = notification.resourceData;
  const sessions = Array.isArray(data) ? data.filter(isObject) : isObject(data) ? [data] : path.itemId ? [{ id: path.itemId }] : [];
  return { kind: 'contentSharingUpdated', callId: path.callId, notification, changeType, sessions };
}

function isParticipant(value: unknown): boolean {
  return isObject(value) && (String(value['@odata.type'] ?? '').endsWith('participant') || 'info' in value);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
