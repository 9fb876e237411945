import type { Call, CallEvent } from '../../../src/domain/calls/types.js';
import type { FixtureNotification } from './fixtures.js';
import { callLike } from './like-fixture.js';
import type { NotificationKind } from './notifications.js';

/** The call a notification example is about, as the domain would hold it. */
export function legOf(notification: FixtureNotification): Call {
  const item = (notification.body.value as Record<string, unknown>[])[0]!;
  const data = (item.resourceData ?? {}) as Record<string, unknown>;
  const id = String(item.resourceUrl).split('/').pop()!;
  const callbackUri = typeof item.callbackUri === 'string' ? item.callbackUri : (notification.url ?? undefined);
  return callLike({ ...data, id }, { ...(callbackUri ? { callbackUri } : {}), echo: {} });
}

/** The domain event that produces a call-level notification of `kind`. */
export function callEventFor(kind: NotificationKind, leg: Call): CallEvent {
  switch (kind) {
    case 'incoming':
      return { type: 'call:created', call: { ...leg, state: 'incoming', direction: 'incoming' } };
    case 'terminated':
    case 'deleted':
      return { type: 'call:deleted', call: { ...leg, state: 'terminated' } };
    default:
      return { type: 'call:stateChanged', call: { ...leg, state: kind as Call['state'] } };
  }
}
