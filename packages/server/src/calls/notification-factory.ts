import type { Call, CallEvent, Participant } from '../domain/calls/types.js';
import type { CallbackMessage } from '../notify/callback-message.js';

/**
 * Turns a domain event into the notification one app leg receives (the Graph wire shape lives in
 * wire/, which implements this). Returns undefined when Graph does not tell that leg (e.g. roster
 * changes of a peer-to-peer call, BEHAVIOR.md §5).
 */
export interface NotificationFactory {
  /**
   * `self`: the leg's own entry in the event's roster, when the caller already holds it (the
   * unit's audience scan finds it); otherwise a roster event looks it up, a scan of the roster.
   */
  forLeg(event: CallEvent, leg: Call, self?: Participant): CallbackMessage | undefined;
}
