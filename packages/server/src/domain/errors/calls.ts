import type { Catalog } from './types.js';

/**
 * Calling-API failures. Graph reports some with numeric codes (e.g. 7504, 8522); where Graph's
 * own answer is undocumented we use the generic Graph codes (BadRequest, NotFound, Conflict) and a
 * message that says what to change.
 */
export const callErrors = {
  // Seen from Graph as `Code: 8522 Message: Call not found.` (microsoft-graph-comms-samples#173),
  // also for a keepAlive on a call that has ended (the SDK's heartbeat, same issue).
  callNotFound: { status: 404, code: '8522', message: 'Call not found.' },
  // 7504 is what Graph answers when the tenant has not granted the app a calling permission
  // (microsoft-graph-comms-samples#538, #276).
  insufficientTenantPermissions: { status: 403, code: '7504', message: 'Insufficient enterprise tenant permissions, cannot access this API.' },
  // 7505: the meeting's tenant is not the token's and the app has no consent there, or the body's
  // tenantId names another tenant (microsoft-graph-docs#9481, microsoft-graph-comms-samples#144).
  tenantMismatch: { status: 403, code: '7505', message: 'Request authorization tenant mismatch.' },
  callNotIncoming: {
    status: 400,
    code: 'BadRequest',
    message: "Call '{callId}' is {state}: only an incoming call that has not been answered, rejected or redirected can be {action} (Graph allows this within 15 seconds of the incoming notification).",
  },
  callMeetingNotFound: { status: 404, code: 'NotFound', message: '{locator} does not identify a meeting; check the join link or meeting id (GET /_switchboard/meetings lists them).' },
  meetingPasscodeInvalid: { status: 400, code: 'BadRequest', message: "The passcode for joinMeetingId '{joinMeetingId}' is {problem}." },
  tooManyCallTargets: { status: 400, code: 'BadRequest', message: 'A group call created by an app supports at most {max} VoIP users; the request names {count}.' },
  callTargetNotFound: { status: 400, code: 'BadRequest', message: "Target user '{userId}' does not exist in tenant '{tenantId}'." },
  unsupportedCallTarget: { status: 400, code: 'BadRequest', message: "Targets of kind '{kind}' are not supported here: {reason}." },
  // Graph places a PSTN call only from an application instance with an assigned number
  // (application-post-calls PSTN examples, BEHAVIOR.md §2.2); it documents no error for its absence.
  phoneCallNeedsApplicationInstance: {
    status: 400,
    code: 'BadRequest',
    message: "Calling a phone number needs 'source.identity.applicationInstance': the application instance (resource account with a phone number) the call comes from.",
  },
  redirectInvalid: { status: 400, code: 'BadRequest', message: 'Invalid redirect: {details}' },
  participantNotFound: { status: 404, code: 'NotFound', message: "Participant '{participantId}' is not in this roster." },
  participantGetNotSupported: { status: 400, code: 'BadRequest', message: 'Getting a single participant is not supported for peer-to-peer calls (Graph docs, participant-get); list the participants instead.' },
  noCallingWebhook: { status: 409, code: 'Conflict', message: "Application '{appId}' has no callingWebhookUrl, so it cannot receive incoming calls; set one with PATCH /_switchboard/apps/{appId}." },
  conferenceNotFound: { status: 404, code: 'NotFound', message: "No conference '{conferenceId}' is in progress." },
  meetingNotInProgress: { status: 409, code: 'Conflict', message: "Meeting '{meetingId}' is not in progress: nobody has joined it." },
  notPeerToPeerCall: { status: 409, code: 'Conflict', message: "Call '{callId}' is a {scenario} leg; only peer-to-peer calls are hung up by the person on the other end (people leave meetings and group calls with DELETE /_switchboard/conferences/{conferenceId}/participants/<participantId>)." },
  participantIsApp: { status: 409, code: 'Conflict', message: "Participant '{participantId}' is the call leg of app '{appId}'; apps act through Graph (e.g. DELETE /communications/calls/{callId})." },
  participantNotInLobby: { status: 409, code: 'Conflict', message: "Participant '{participantId}' is not waiting in the lobby." },
  clientContextTooLong: { status: 400, code: 'BadRequest', message: 'clientContext is {length} characters long; the limit is {max}.' },
  operationNotFound: { status: 404, code: 'NotFound', message: "There is no operation '{operationId}' on this call." },
  operationAlreadyFinished: { status: 409, code: 'Conflict', message: "The operation '{operationId}' has already finished." },
} satisfies Catalog;
