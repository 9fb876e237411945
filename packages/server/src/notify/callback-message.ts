/**
 * An outbox message that becomes one signed POST to a bot. Written in the same transaction as the
 * state change that caused it; the stream (ordering key) is `callId`, so a call's notifications
 * arrive in the order they happened.
 */
export interface CallbackMessage {
  kind: 'callback';
  /** The app's call leg the notification is about (the outbox stream). */
  callId: string;
  /** JWT `aud`. */
  appId: string;
  /** JWT `tid`. */
  tenantId: string;
  /** The call's callbackUri, or the app's calling webhook for incoming calls. */
  url: string;
  /** A `commsNotifications` body, final: redelivery sends the same bytes. */
  body: Record<string, unknown>;
  /** What happened, for the delivery log and the console (e.g. `call established`). */
  summary: string;
  /** Set on the copy a callback fault requeued (reorder): it goes out as is, the rules are not asked again. */
  faulted?: 'reorder';
}

export const CALLBACK_STREAM = (callId: string): string => `call:${callId}`;
