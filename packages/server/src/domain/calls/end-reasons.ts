import type { ResultInfo } from './types.js';

/**
 * The `resultInfo` a terminated call carries, chosen from the call end reason table of the Graph
 * page call-delete ("Call end reason codes", api-reference/v1.0/api/call-delete.md). Messages are
 * the table's wording, so a bot that logs them sees what Graph would send.
 */
export const END_REASONS = {
  /** The app hung up (DELETE): the docs' own example of the `deleted` notification. */
  appHungUp: { code: 200, subcode: 5001, message: 'The conversation has ended.' },
  /**
   * The organizer ended the meeting for everyone. The table lists two "The conversation has
   * ended." subcodes; 5001 is the one the docs show after the bot's own DELETE, so the meeting's
   * end uses the other (5003) and a bot can tell the two apart.
   */
  meetingEnded: { code: 200, subcode: 5003, message: 'The conversation has ended.' },
  /** The organizer removed the app's participant (table: 5300, "removed ... by another participant"). */
  removedByOrganizer: { code: 200, subcode: 5300, message: 'Participant was removed from the conversation by another participant.' },
  /** The person on the other end of a peer-to-peer call hung up (table: 4521). */
  peerHungUp: { code: 200, subcode: 4521, message: 'Call ended by the other participant in peer-to-peer call.' },
  /** Everyone but the app left a group call (table: 5002). */
  othersLeftGroupCall: { code: 200, subcode: 5002, message: 'The conversation has ended as all other participants have left the call.' },
  /** call-keepalive: 45 minutes without a keepAlive (table: 408/8537). */
  keepAliveTimeout: { code: 408, subcode: 8537, message: 'Keep Alive timeout, cleaned up inactive call.' },
  /**
   * No answer, reject or redirect within 15 s. The docs say only that the call "times out"; by
   * inference we use 408/1106, the table's "acknowledgement ... of the call acceptance" timeout.
   */
  answerTimeout: { code: 408, subcode: 1106, message: 'An acknowledgement was not received for the call acceptance in the allotted time.' },
  /**
   * A lobby guest nobody admitted is removed after the lobby's inactivity timeout (table: 5855).
   * Wording ours: the table's meaning, not its text.
   */
  lobbyTimeout: { code: 200, subcode: 5855, message: 'Lobby participant was removed after the lobby inactivity timeout.' },
  /** Removed from the conversation by another participant, the table's other removal subcode (5000). */
  removedFromConversation: { code: 200, subcode: 5000, message: 'Participant was removed from the conversation by another participant.' },
  /** The platform lost media connectivity to the call (table: 410/301005). */
  mediaConnectivityLost: { code: 410, subcode: 301005, message: 'The call ended because of a media connectivity failure.' },
  /** The service lost its connection to the bot's media (table: 500/1005). */
  mediaServerError: { code: 500, subcode: 1005, message: "The call ended because of a server connectivity error with the bot's media." },
  /** The person called could not be reached (table: 480/10076). */
  calleeUnreachable: { code: 480, subcode: 10076, message: 'The callee could not be reached.' },
  /** No endpoint of the person called answered the signalling (table: 408/10057). */
  calleeNoSignal: { code: 408, subcode: 10057, message: 'The call timed out: no signaling was received from the callee endpoints.' },
  /**
   * The call could not be routed to the number called (table: 480/10134, "rejected, unable to
   * route"): what a PSTN number nobody can reach gets. Wording ours: the table's meaning.
   */
  unableToRoute: { code: 480, subcode: 10134, message: 'The call was rejected: it could not be routed to the callee.' },
  /** The person called has no endpoint to ring (table: 480/10037). */
  noCalleeEndpoints: { code: 480, subcode: 10037, message: 'No callee endpoints were found.' },
  /**
   * A phone (PSTN) caller hung up a peer-to-peer call. The table has a PSTN-specific entry
   * ("ended by PSTN user", 540000/560000) next to the generic P2P 4521; Graph reports the
   * PSTN one for phone peers, so a bot can tell a dropped phone line from a Teams user leaving.
   */
  pstnUserHungUp: { code: 200, subcode: 540000, message: 'Call ended by PSTN user.' },
  /** A group call ended because only one participant was left (table: 5010). */
  onlyOneParticipantLeft: { code: 200, subcode: 5010, message: 'The conversation ended because only one participant remained.' },
} as const satisfies Record<string, ResultInfo>;

export type EndReason = keyof typeof END_REASONS;
