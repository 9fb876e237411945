import assert from 'node:assert/strict';
import type { CallbackMessage } from '../../../src/notify/callback-message.js';
import type { FixtureNotification } from './fixtures.js';

/** What a documentation notification is about, read from its title. */
export type NotificationKind = 'incoming' | 'establishing' | 'established' | 'terminating' | 'terminated' | 'deleted' | 'roster' | 'contentSharing' | 'policyRecording';

const KINDS: [RegExp, NotificationKind][] = [
  [/content[\s-]sharing/i, 'contentSharing'],
  [/policy-based recording|policy-based-recording/i, 'policyRecording'],
  [/roster/i, 'roster'],
  [/incoming/i, 'incoming'],
  [/establishing/i, 'establishing'],
  [/established/i, 'established'],
  [/terminating/i, 'terminating'],
  [/terminated/i, 'terminated'],
  [/deleted/i, 'deleted'],
];

/** Titles read `Example 2: deleted` or `example-2-reject-an-incoming-call…: notification---deleted`: the part after the colon says it. */
export function notificationKind(notification: FixtureNotification): NotificationKind {
  const subject = notification.title.split(':').at(-1)!;
  const kind = KINDS.find(([pattern]) => pattern.test(subject))?.[1];
  if (!kind) throw new Error(`cannot tell what '${notification.title}' notifies`);
  return kind;
}

/**
 * Notifications these call-flow tests do not compare: content sharing needs a sharing person and
 * is compared in content-sharing-notifications.test.ts; policy-based recording is not simulated.
 */
export const NOT_SIMULATED: Partial<Record<NotificationKind, string>> = {
  contentSharing: 'compared in test/conformance/content-sharing-notifications.test.ts (needs a person sharing a screen)',
  policyRecording: 'policy-based recording (compliance recording bots) is not simulated',
};

/** Our callback body, which must exist. */
export function bodyOf(message: CallbackMessage | undefined): Record<string, unknown> {
  assert.ok(message, 'the factory produced no notification for this event');
  return message.body;
}
