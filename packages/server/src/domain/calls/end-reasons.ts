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
} as const satisfies Record<string, ResultInfo>;

export type EndReason = keyof typeof END_REASONS;
