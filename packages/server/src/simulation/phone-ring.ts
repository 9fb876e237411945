import type { CallUnit } from '../calls/call-unit.js';
import { endLeg } from '../calls/leg-lifecycle.js';
import { ringsPeer, startPeerRing } from '../domain/calls/peer-ring.js';
import type { Call } from '../domain/calls/types.js';
import { magicDialedNumber } from './magic-values.js';

/**
 * The phone an app calls (a PSTN call, one `phone` target) rings like a user the app calls peer
 * to peer (domain/calls/peer-ring.ts). Any number answers, as a user in answerMode `auto` does;
 * a magic number (magic-values.ts) cannot be reached or declines (the leg ends at once), or
 * rings until the ring timeout, after which the user ring ends it with 408/10057. The establish
 * step asks this before the user ring: true means the leg is not established now.
 */
export async function holdsForPhoneRing(unit: CallUnit, call: Call, now: number): Promise<boolean> {
  const magic = magicDialedNumber(call);
  if (!magic || !ringsPeer(call) || call.peerRing) return false;
  if (magic.answer !== 'noAnswer') {
    await endLeg(unit, call, magic.reason, now);
    return true;
  }
  const ringing = startPeerRing(call, now);
  await unit.putCall(ringing);
  await unit.setTimer('establish', call.id, ringing.peerRing?.deadline ?? now);
  return true;
}
