import type { Catalog } from './types.js';

/**
 * Meeting features of issue 4: recording status, large gallery, content sharing, invitations,
 * screen sharing role and transfer, and the people's screen sharing behind them. Where Graph's
 * answer is known its code is used (8506); elsewhere the generic codes and a message that says
 * what to change.
 */
export const featureErrors = {
  // Graph's answer when the call is not under a compliance recording policy naming the app, as
  // bots report it (microsoft-graph-comms-samples#444, #489; OfficeDocs-SkypeForBusiness#8528).
  notComplianceRecordingCall: { status: 403, code: '8506', message: 'API call not allowed for non-Compliance Recording call' },
  actionNeedsEstablishedCall: { status: 400, code: 'BadRequest', message: "Call '{callId}' is {state}: {action} needs an established call." },
  actionNeedsGroupCall: { status: 400, code: 'BadRequest', message: "{action} works in meetings and group calls only ({page}); call '{callId}' is a {scenario} call." },
  screenSharingNeedsAppHostedMedia: {
    status: 400,
    code: 'BadRequest',
    message: "changeScreenSharingRole needs a call with app-hosted media (call-changescreensharingrole); call '{callId}' uses service-hosted media.",
  },
  inviteTooManyParticipants: { status: 400, code: 'BadRequest', message: 'participants/invite takes 1 to {max} participants per request (participant-invite); the request names {count}.' },
  inviteNeedsChat: {
    status: 400,
    code: 'BadRequest',
    message: "Inviting several participants needs a call with a valid chat (participant-invite); call '{callId}' is a group call an app created, which has none. Invite one at a time.",
  },
  inviteeNotSupported: { status: 400, code: 'BadRequest', message: "Invitees of kind '{kind}' are not simulated: Switchboard invites users of its world (PSTN and application invitees are not)." },
  inviteeNotFound: { status: 400, code: 'BadRequest', message: "Invitee '{userId}' is not a user of the world (GET /_switchboard/users lists them)." },
  inviteeAlreadyInCall: { status: 409, code: 'Conflict', message: "User '{userId}' is already in the call or invited to it (participant '{participantId}')." },
  transferNeedsPeerToPeer: {
    status: 400,
    code: 'BadRequest',
    message: "Switchboard simulates transfer of peer-to-peer calls (call-transfer); call '{callId}' is a {scenario} call.",
  },
  transferNotSimulated: { status: 400, code: 'BadRequest', message: 'This transfer is not simulated: {what}. Transfer to a user of the call’s tenant.' },
  transferInProgress: { status: 409, code: 'Conflict', message: "Call '{callId}' is already {state}." },
  contentSharingSessionNotFound: { status: 404, code: 'NotFound', message: "There is no content sharing session '{sessionId}' in this call." },
  participantCannotShare: { status: 409, code: 'Conflict', message: "Participant '{participantId}' cannot share a screen: {reason}." },
  participantAlreadySharing: { status: 409, code: 'Conflict', message: "Participant '{participantId}' is already sharing (content sharing session '{sessionId}')." },
  participantNotSharing: { status: 409, code: 'Conflict', message: "Participant '{participantId}' is not sharing a screen." },
} satisfies Catalog;
