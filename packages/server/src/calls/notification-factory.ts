import type { Call, CallEvent } from '../domain/calls/types.js';
import type { CallbackMessage } from '../notify/callback-message.js';

/**
 * Turns a domain event into the notification one app leg receives (the Graph wire shape lives in
 * wire/, which implements this). Returns undefined when Graph does not tell that leg (e.g. roster
 * changes of a peer-to-peer call, BEHAVIOR.md §5).
 */
export interface NotificationFactory {
  forLeg(event: CallEvent, leg: Call): CallbackMessage | undefined;
}
