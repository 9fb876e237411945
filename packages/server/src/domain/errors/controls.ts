import type { Catalog } from './types.js';

/**
 * Meeting controls of issue 4: audio routing groups, server mutes, removing participants and hold
 * music. Graph documents no error answers for these methods (BEHAVIOR.md §9), so the generic Graph
 * codes are used with a message that names the rule (and the docs page) and what to change.
 */
export const controlErrors = {
  audioRoutingGroupNotFound: { status: 404, code: 'NotFound', message: "Call '{callId}' has no audio routing group '{groupId}' (GET …/audioRoutingGroups lists them)." },
  audioRoutingGroupExists: { status: 409, code: 'Conflict', message: "Call '{callId}' already has an audio routing group '{groupId}'; PATCH it, or create the new one with another id." },
  audioRoutingGroupShape: {
    status: 400,
    code: 'BadRequest',
    message: 'A {routingMode} audio routing group has {rule} (call-post-audioroutinggroups); this one has {sources} source(s) and {receivers} receiver(s).',
  },
  audioRoutingGroupSelfRoute: { status: 400, code: 'BadRequest', message: "Participant '{participantId}' is both a source and a receiver of the audio routing group." },
  audioRoutingGroupDuplicate: { status: 400, code: 'BadRequest', message: "Participant '{participantId}' is listed twice in '{property}'." },
  audioRoutingGroupParticipantNotFound: {
    status: 400,
    code: 'BadRequest',
    message: "'{participantId}' in '{property}' is not a participant of call '{callId}'; audio routing groups name participant ids (GET …/participants lists them).",
  },
  audioRoutingGroupIdMismatch: { status: 400, code: 'BadRequest', message: "The body's id '{bodyId}' differs from the id '{groupId}' in the URL; a group's id cannot change." },
  holdMusicOwnLeg: { status: 400, code: 'BadRequest', message: "Participant '{participantId}' is the app's own leg: an app puts other participants on hold (participant-startholdmusic)." },
  holdMusicNotInConversation: { status: 409, code: 'Conflict', message: "Participant '{participantId}' is {where}: only someone in the call can be put on hold." },
  holdMusicInUse: {
    status: 409,
    code: 'Conflict',
    message: "Participant '{heldId}' is on hold: only one participant can be on hold at a time (participant-startholdmusic). Stop their hold music before holding '{participantId}'.",
  },
  participantAlreadyOnHold: { status: 409, code: 'Conflict', message: "Participant '{participantId}' is already on hold (hold music {phase})." },
  participantNotOnHold: { status: 409, code: 'Conflict', message: "Participant '{participantId}' is not on hold; start hold music first (participant-startholdmusic)." },
  holdMusicPending: { status: 409, code: 'Conflict', message: "Hold music for participant '{participantId}' is still {phase}; wait for operation '{operationId}' to complete." },
  removeParticipantNotAllowed: {
    status: 403,
    code: 'Forbidden',
    message:
      'Application \'{appId}\' may not remove participants of meetings in tenant \'{tenantId}\': the tenant admin must allow it with Set-CsApplicationMeetingConfiguration -AllowRemoveParticipantAppIds @{Add="{appId}"} (participant-delete). In Switchboard: PATCH /_switchboard/tenants/{tenantId}/meetingConfiguration.',
  },
  removeOwnParticipant: { status: 400, code: 'BadRequest', message: "Participant '{participantId}' is the app's own leg; to leave, hang up with DELETE /communications/calls/{callId}." },
} satisfies Catalog;
