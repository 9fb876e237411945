import type { Allowance } from './shape.js';

/**
 * Documented differences between the Graph docs' examples of the meeting-feature pages and our
 * responses and notifications (test/conformance/features-*.test.ts compare against these lists).
 */

/** Actions that return an operation name its type in `@odata.context` (participant-mute shows it); these examples omit it. */
const OPERATION_CONTEXT: Allowance = { path: '@odata.context', kind: 'extra', reason: 'an action answering with an operation names its type in @odata.context, as the participant-mute example shows; these examples omit it' };

/** Every notification names the call's callbackUri (create-call examples); these examples leave it out. */
const CALLBACK_URI: Allowance = { path: 'value[].callbackUri', kind: 'extra', reason: 'every notification names the call’s callbackUri, as the create-call examples show' };

/** An operation's completion notification: the operation as GET shows it. */
const COMPLETION: Allowance[] = [
  { path: 'value[].resourceData.id', kind: 'extra', reason: 'the operation names its id, as GET and the response show it' },
  { path: 'value[].resourceData.@odata.id', kind: 'missing', reason: 'not sent: the operation is named by resourceUrl and resourceData.id' },
  { path: 'value[].resourceData.resultInfo', kind: 'extra', reason: 'printed null, as the response and GET examples of the same operation show it' },
];

/** Roster notifications (participants) of these pages: entries as list/get participants show them. */
const ROSTER: Allowance[] = [
  ...['region', 'languageId'].map((member): Allowance => ({ path: `value[].resourceData[].info.${member}`, kind: 'extra', reason: 'participantInfo members printed null; these examples omit them' })),
  { path: 'value[].resourceData[].info.endpointType', kind: 'missing', reason: 'endpoint types are not simulated' },
  { path: 'value[].resourceData[].mediaStreams[].label', kind: 'extra', reason: 'streams carry their label (main-audio …) as the roster examples of create call and changeScreenSharingRole show' },
  ...['metadata', 'recordingInfo'].map((member): Allowance => ({ path: `value[].resourceData[].${member}`, kind: 'extra', reason: 'participant properties printed null when unset; these examples omit them' })),
  { path: 'value[].resourceData[].rosterSequenceNumber', kind: 'extra', reason: 'a participant schema property (BEHAVIOR.md §8) that examples of this revision predate' },
  { path: 'value[].resourceData[].info.identity.user.tenantId', kind: 'extra', reason: 'the world knows every user’s tenant and identities name it' },
];

export const RECORDING_ALLOWANCES: Allowance[] = [OPERATION_CONTEXT];

export const GALLERY_ALLOWANCES: Allowance[] = [OPERATION_CONTEXT, CALLBACK_URI, ...COMPLETION];

/** The invitees an operation lists are echoed as the bot sent them (request shape), in the response and the notification alike. */
const ECHOED_INVITEES = 'the operation lists the invitees as the bot sent them (the notification examples’ shape); the response examples re-serialise them with null members';
export const INVITE_ALLOWANCES: Allowance[] = [
  OPERATION_CONTEXT,
  CALLBACK_URI,
  ...COMPLETION.filter((allowance) => allowance.path === 'value[].resourceData.resultInfo'),
  { path: 'value[].resource', kind: 'missing', reason: 'the legacy /app resource path is not sent; resourceUrl names the resource (BEHAVIOR.md §1)' },
  { path: 'value[].resourceData.participants[].replacesCallId', kind: 'extra', reason: `${ECHOED_INVITEES}: the example’s request named replacesCallId, its notification drops it` },
  { path: 'value[].resourceData.participants[].identity.user.tenantId', kind: 'missing', reason: `${ECHOED_INVITEES}; the beta notification example adds the tenant`, where: ['beta/'] },
  { path: 'value[].resourceData.participants[].identity.user.@odata.type', kind: 'extra', reason: ECHOED_INVITEES, where: ['beta/'] },
  ...ROSTER,
  { path: 'value[].resourceData[].info.@odata.type', kind: 'value', reason: 'roster entries type info participantInfo, as participant.info is declared; this example types it invitationParticipantInfo', where: ['v1.0/'] },
  { path: 'value[].resourceData[].info.identity.application', kind: 'missing', reason: 'the example shows the invited user as an application identity with the user’s id (a slip in the docs: example 3 shows a user); ours is the user', where: ['v1.0/participant-invite example-1', 'v1.0/participant-invite example-2', 'beta/participant-invite example-1', 'beta/participant-invite example-2'] },
  { path: 'value[].resourceData[].info.identity.user', kind: 'extra', reason: 'the invitee is a user (see the missing application identity)', where: ['v1.0/participant-invite example-1', 'v1.0/participant-invite example-2', 'beta/participant-invite example-1', 'beta/participant-invite example-2'] },
  { path: 'value[].resourceData[].info.identity.user.displayName', kind: 'extra', reason: 'the world knows the invitee’s name; these examples print none', where: ['beta/participant-invite example-2', 'beta/participant-invite example-3'] },
  { path: 'value[].resourceData[].info.identity.user.@odata.type', kind: 'extra', reason: 'we type every identity; this example leaves one untyped', where: ['beta/participant-invite example-2'] },
  { path: 'value[].resourceData[].info.identity.user.identityProvider', kind: 'missing', reason: 'identity providers are not simulated', where: ['beta/'] },
  ...['endpointType', 'identity.application', 'identity.device', 'identity.phone', 'id'].map((member): Allowance => ({ path: `participants[].${member}`, kind: 'missing', reason: ECHOED_INVITEES })),
  ...['@odata.type', 'identity.@odata.type', 'identity.user.@odata.type'].map((member): Allowance => ({ path: `participants[].${member}`, kind: 'extra', reason: ECHOED_INVITEES })),
  ...['displayName', 'tenantId'].map((member): Allowance => ({ path: `participants[].identity.user.${member}`, kind: 'missing', reason: `${ECHOED_INVITEES}; the beta response example adds what the directory knows`, where: ['beta/'] })),
];

export const SESSIONS_ALLOWANCES: Allowance[] = [
  { path: '@odata.context', kind: 'extra', reason: 'a read names its entity set in @odata.context, as call-get and the list example do; the get example omits it' },
];

const SHARER = 'the sharer is the app itself: its entry lists its audio stream first (audio is always listed) and then the screen-sharing stream; the example shows a user with only that stream';
export const SCREEN_SHARING_ALLOWANCES: Allowance[] = [
  CALLBACK_URI,
  ...ROSTER.filter((allowance) => /\]\.(metadata|recordingInfo|rosterSequenceNumber)$/.test(allowance.path)),
  { path: 'value[].resourceData[].info.identity.application', kind: 'extra', reason: SHARER },
  { path: 'value[].resourceData[].info.identity.user', kind: 'missing', reason: SHARER },
  ...['mediaType', 'direction'].map((member): Allowance => ({ path: `value[].resourceData[].mediaStreams[].${member}`, kind: 'value', reason: SHARER })),
  { path: 'value[].resourceData[].mediaStreams[]', kind: 'extra', reason: SHARER },
  ...['info', 'info.identity', 'mediaStreams[]'].map((member): Allowance => ({ path: `value[].resourceData[].${member}.@odata.type`, kind: 'extra', reason: 'we type every complex value; this example leaves them untyped' })),
  { path: 'value[].resourceData[].mediaStreams[].serverMuted', kind: 'extra', reason: 'every stream says whether the server muted it (mediaStream.serverMuted); this example omits it' },
];

export const TRANSFER_ALLOWANCES: Allowance[] = [
  CALLBACK_URI,
  { path: 'value[].resourceData.resultInfo.subCode', kind: 'missing', reason: 'the failure example spells subCode; the schema (and every other example) says subcode (BEHAVIOR.md §9)' },
  { path: 'value[].resourceData.resultInfo.subcode', kind: 'extra', reason: 'resultInfo.subcode as the schema spells it (see subCode)' },
  ...['direction', 'id'].map((member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'state notifications always carry the call id and direction (create-call examples)' })),
];
