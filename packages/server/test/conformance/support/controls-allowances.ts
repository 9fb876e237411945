import type { Allowance } from './shape.js';

/**
 * The documented differences between the Graph docs' examples of the meeting-control pages and
 * our responses and notifications (issue 4: audio routing groups, mutes, hold music, DELETE
 * participant). The mapper-level tests (controls-*.test.ts) and the end-to-end one
 * (e2e-controls.test.ts) compare against these lists.
 */

/** Audio routing group pages. */
export const AUDIO_ROUTING_ALLOWANCES: Allowance[] = [
  { path: '@odata.context', kind: 'extra', reason: 'every answer names its entity set or entity, as Graph answers do and our other reads (list participants, get call) do; these examples trim it' },
];

/** participant-mute, participant-muteall, call-mute, call-unmute, participant-start/stopholdmusic, participant-delete. */
const UNTYPED = 'we type every complex value (participantInfo, identitySet, identity, mediaStream); these examples leave them untyped';

export const PARTICIPANT_CONTROL_ALLOWANCES: Allowance[] = [
  // Responses.
  { path: 'resultInfo', kind: 'extra', reason: 'an operation always prints resultInfo, null until it finishes with one (the muteAll and beta stopHoldMusic examples print it null)' },
  {
    path: '@odata.context',
    kind: 'extra',
    reason: 'an operation names its type in @odata.context, as the mute examples show (#muteParticipantOperation); these examples trim it',
    where: ['v1.0/participant-startholdmusic', 'v1.0/participant-stopholdmusic', 'beta/participant-startholdmusic', 'beta/participant-stopholdmusic', 'beta/participant-muteall'],
  },
  // Roster notifications (participant-mute, call-mute, call-unmute).
  { path: 'value[].callbackUri', kind: 'extra', reason: 'every notification names the call’s callbackUri, as the create-call examples show' },
  ...['info', 'info.identity', 'info.identity.user', 'mediaStreams[]'].map((member): Allowance => ({ path: `value[].resourceData[].${member}.@odata.type`, kind: 'extra', reason: UNTYPED })),
  { path: 'value[].resourceData[].mediaStreams[].serverMuted', kind: 'extra', reason: 'mediaStream.serverMuted is always printed (BEHAVIOR.md §8), true after a server mute; these examples omit it' },
  ...['metadata', 'recordingInfo'].map((member): Allowance => ({ path: `value[].resourceData[].${member}`, kind: 'extra', reason: 'participant members we always print (null when unset); these examples omit them' })),
  { path: 'value[].resourceData[].rosterSequenceNumber', kind: 'extra', reason: 'a participant schema property (BEHAVIOR.md §8) that examples of this revision predate' },
  ...['preferredDisplayName', 'isIdentityAnonymized'].map((member): Allowance => ({ path: `value[].resourceData[].${member}`, kind: 'extra', reason: 'beta-only participant properties (BEHAVIOR.md §8)', where: ['beta/'] })),
  // The hold music operation's `deleted` notification.
  ...['@odata.id', '@odata.etag'].map((member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'missing', reason: 'not sent: the operation is named by resourceUrl and its id; etags are not modelled' })),
  { path: 'value[].resourceData.id', kind: 'extra', reason: 'the operation carries its id, as in the 202 response; the example names it by @odata.id instead' },
  { path: 'value[].resourceData.resultInfo', kind: 'extra', reason: 'an operation always prints resultInfo; the hold music completion carries none (null), as the example’s omission says' },
];
