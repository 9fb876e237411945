import type { NotificationFactory } from '../calls/notification-factory.js';
import type { Call, CallEvent, Conference, ContentSharingSession, Operation, Participant } from '../domain/calls/types.js';
import type { CallbackMessage } from '../notify/callback-message.js';
import { callStateToGraph, callToGraph } from './call-to-graph.js';
import { callResourceUrl, commsNotification, commsNotifications, participantsResourceUrl } from './comms-notification.js';
import type { GraphObject } from './identity-set.js';
import { participantToGraph } from './participant-to-graph.js';
import { contentSharingResourceUrl, contentSharingSessionToGraph, operationResourceUrl, operationToGraph } from './operation-to-graph.js';

interface Notification {
  item: GraphObject;
  summary: string;
}

/** Maps domain events to the Graph notifications one app leg receives (BEHAVIOR.md §4–5). */
export const graphNotificationFactory: NotificationFactory = {
  forLeg(event: CallEvent, leg: Call, self?: Participant): CallbackMessage | undefined {
    const notification = notificationFor(event, leg, self);
    if (!notification) return undefined;
    const body = commsNotifications(notification.item);
    return { kind: 'callback', callId: leg.id, appId: leg.appId, tenantId: leg.tenantId, url: leg.callbackUri, body, summary: notification.summary };
  },
};

function notificationFor(event: CallEvent, leg: Call, self: Participant | undefined): Notification | undefined {
  switch (event.type) {
    case 'call:created':
      return incomingCall(event.call, leg);
    case 'call:stateChanged':
      return callState(event.call, leg, 'updated');
    case 'call:deleted':
      return callState(event.call, leg, 'deleted');
    case 'roster:updated':
      return roster(event.conference, event.participants, leg, self, 'updated');
    case 'roster:removed':
      return roster(event.conference, event.participants, leg, self, 'deleted');
    case 'call:tone':
      return toneHeard(event.call, event.tone, event.sequenceId, leg);
    case 'operation:finished':
      return operationFinished(event.call, event.operation, leg);
    case 'contentSharing:changed':
      return contentSharing(event.conference, event.sessions, event.changeType, leg);
  }
}

/** A keypad press: `updated` on the call with its state and toneInfo (call-subscribetotone example). */
function toneHeard(call: Call, tone: string, sequenceId: number, leg: Call): Notification | undefined {
  if (call.id !== leg.id) return undefined;
  const toneInfo = { '@odata.type': '#microsoft.graph.toneInfo', sequenceId, tone };
  const item = commsNotification('updated', callResourceUrl(leg.id), leg.callbackUri, { '@odata.type': '#microsoft.graph.call', state: call.state, toneInfo });
  return { item, summary: `tone ${tone} (${sequenceId})` };
}

/** A running operation's outcome: `deleted` on the operation's URL with the final operation (BEHAVIOR.md §6). */
function operationFinished(call: Call, operation: Operation, leg: Call): Notification | undefined {
  if (call.id !== leg.id) return undefined;
  const item = commsNotification('deleted', operationResourceUrl(leg.id, operation.id), leg.callbackUri, operationToGraph(operation));
  return { item, summary: `${operation.type} ${operation.status}` };
}

/** Only legs created or answered with isContentSharingNotificationEnabled hear about screen sharing (BEHAVIOR.md §5). */
function contentSharing(conference: Conference, sessions: ContentSharingSession[], changeType: 'created' | 'updated' | 'deleted', leg: Call): Notification | undefined {
  if (!leg.contentSharingNotifications || leg.conferenceId !== conference.id || leg.state === 'terminated') return undefined;
  const item = commsNotification(changeType, contentSharingResourceUrl(leg.id), leg.callbackUri, sessions.map(contentSharingSessionToGraph));
  return { item, summary: `content sharing ${changeType} (${sessions.length})` };
}

/**
 * Only an incoming call is announced with `created` (call-answer examples); an outgoing call
 * was already returned by the 201 and next reports `updated` establishing. A call's events go
 * to that call's leg only.
 */
function incomingCall(call: Call, leg: Call): Notification | undefined {
  if (call.id !== leg.id || call.direction !== 'incoming') return undefined;
  const item = commsNotification('created', callResourceUrl(leg.id), leg.callbackUri, callToGraph(call, { version: leg.apiVersion }));
  return { item, summary: `incoming call from ${call.source.displayName ?? call.source.id}` };
}

/** `updated` with a partial call per state change; `deleted` once terminated, with resultInfo. */
function callState(call: Call, leg: Call, changeType: 'updated' | 'deleted'): Notification | undefined {
  if (call.id !== leg.id) return undefined;
  const item = commsNotification(changeType, callResourceUrl(leg.id), leg.callbackUri, callStateToGraph(call, { version: leg.apiVersion }));
  const reason = call.resultInfo ? ` (${call.resultInfo.code}/${call.resultInfo.subcode})` : '';
  return { item, summary: changeType === 'deleted' ? `call terminated${reason}` : `call ${call.state}${reason}` };
}

/** Roster changes as an array on the participants URL: `updated` for joins and changes, `deleted` for departures. */
function roster(conference: Conference, changed: Participant[], leg: Call, self: Participant | undefined, changeType: 'updated' | 'deleted'): Notification | undefined {
  const visible = visibleTo(conference, changed, leg, self);
  if (visible.length === 0) return undefined;
  const resourceData = visible.map((participant) => participantToGraph(participant, leg.apiVersion));
  const item = commsNotification(changeType, participantsResourceUrl(leg.id), leg.callbackUri, resourceData);
  return { item, summary: `${changeType === 'deleted' ? 'roster removed' : 'roster updated'} (${visible.length})` };
}

/**
 * Who a leg hears about: nothing for peer-to-peer calls, other conferences or ended legs; a leg
 * waiting in the lobby only about itself (beta application-post-calls example 10).
 */
function visibleTo(conference: Conference, changed: Participant[], leg: Call, self: Participant | undefined): Participant[] {
  if (conference.kind === 'peerToPeer' || leg.conferenceId !== conference.id || leg.state === 'terminated') return [];
  // This runs for every leg on every change: the roster is searched only when the caller did not
  // hand over the leg's own entry (a scan of 10,000 entries was a quarter of a join's extra cost).
  const isOwn = (participant: Participant): boolean => participant.id === leg.myParticipantId;
  const own = changed.find(isOwn) ?? self ?? conference.participants.find(isOwn);
  return own?.isInLobby ? changed.filter((participant) => participant.id === own.id) : changed;
}
