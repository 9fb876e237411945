import type { CallbackFaultFacts } from '../faults/fault-facts.js';
import type { CallbackMessage } from './callback-message.js';

type Resource = CallbackFaultFacts['resource'];

/**
 * What a callback looks like to the fault rules, read from its commsNotifications body: the
 * first notification's changeType, what its resourceUrl names (BEHAVIOR.md §5: call,
 * participants, operations, contentSharingSessions; a toneInfo update is `tones`) and the call
 * state it carries.
 */
export function callbackFaultFacts(message: CallbackMessage): CallbackFaultFacts {
  const first = firstNotification(message.body);
  const data = Array.isArray(first.resourceData) ? undefined : (first.resourceData as Record<string, unknown> | undefined);
  const state = typeof data?.state === 'string' ? data.state : undefined;
  return {
    appId: message.appId,
    callId: message.callId,
    changeType: changeTypeOf(first.changeType),
    resource: resourceOf(String(first.resourceUrl ?? ''), data),
    ...(state === undefined ? {} : { state }),
  };
}

function firstNotification(body: Record<string, unknown>): Record<string, unknown> {
  const value = body.value;
  return Array.isArray(value) && typeof value[0] === 'object' && value[0] !== null ? (value[0] as Record<string, unknown>) : {};
}

function changeTypeOf(value: unknown): CallbackFaultFacts['changeType'] {
  return value === 'created' || value === 'deleted' ? value : 'updated';
}

function resourceOf(url: string, data: Record<string, unknown> | undefined): Resource {
  if (/\/participants(\/|$)/.test(url)) return 'participants';
  if (/\/operations(\/|$)/.test(url)) return 'operation';
  if (/\/contentSharingSessions(\/|$)/i.test(url)) return 'contentSharingSessions';
  return data?.toneInfo ? 'tones' : 'call';
}
