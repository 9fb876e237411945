import type { Identity } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import type { PersonJoin } from './people-types.js';

/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
const E164 = /^\+[1-9]\d{6,14}$/;

/** Teams' roster name for an anonymous participant who gave none. */
export const ANONYMOUS_DISPLAY_NAME = 'Anonymous';

/**
 * Someone without an account in the world, as Graph names them in a participant's
 * communicationsIdentitySet: a phone caller is `phone` with the number as id (the PSTN roster
 * example of participant-invite); guests and anonymous joiners are `guest` with a fresh id (an
 * anonymous joiner is a guest whose name Teams fills in when they gave none).
 */
export function outsiderIdentity(person: PersonJoin, id: string): Identity {
  if (person.phone) return phoneIdentity(person.phone);
  if (person.guest) return { kind: 'guest', id, displayName: person.guest.displayName };
  return { kind: 'guest', id, displayName: person.anonymous?.displayName ?? ANONYMOUS_DISPLAY_NAME };
}

/** A phone (PSTN) party: `phone` with the E.164 number as id (400 validationFailed otherwise). */
export function phoneIdentity(phone: { number: string; displayName?: string }): Identity {
  if (!E164.test(phone.number)) throw new DomainError('validationFailed', { details: `phone.number must be an E.164 number like +14255550100; got '${phone.number}'` });
  return { kind: 'phone', id: phone.number, ...(phone.displayName ? { displayName: phone.displayName } : {}) };
}
