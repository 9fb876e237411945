import type { Catalog } from './types.js';

/**
 * What simulated people cannot do (control API): act while waiting in the lobby or on hold, and
 * answer an app's call that no longer rings. Graph never sees these; they are the control API's own.
 */
export const peopleErrors = {
  participantNotActive: { status: 409, code: 'Conflict', message: "Participant '{participantId}' {reason}." },
  participantOnHold: { status: 409, code: 'Conflict', message: "Participant '{participantId}' has put the call on hold; resume it first." },
  peerNotRinging: { status: 409, code: 'Conflict', message: "Call '{callId}' is not ringing a user who answers manually ({state}); only an app's peer-to-peer call to a user with answerMode 'manual' waits for answer or decline." },
} satisfies Catalog;
