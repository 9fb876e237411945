import type { Call } from '../domain/calls/types.js';
import type { CallContext } from '../calls/call-context.js';
import type { CallUnit } from '../calls/call-unit.js';
import { magicMeeting, magicPhoneCaller } from '../simulation/magic-values.js';
import { callFault } from './call-fault-catalog.js';

/**
 * Call faults become durable `callFault` timers (calls/call-timers.ts), so a fault due in ten
 * minutes survives a restart and follows the (scaled or virtual) clock. The fault's catalogue
 * name rides in the timer's operationId slot, one timer per fault.
 */
async function armFault(unit: CallUnit, call: Call, fault: string, dueAt: number): Promise<void> {
  if (callFault(fault)) await unit.setTimer('callFault', call.id, dueAt, fault);
}

/**
 * A leg just became established: the fault book's `call` rules that match it (afterMs later,
 * counted in this transaction, with the timers they arm), and the magic meeting it joined, if it
 * is one that ends its bots (simulation/magic-values.ts).
 */
export async function armFaultsOnEstablished(ctx: CallContext, unit: CallUnit, call: Call, now: number): Promise<void> {
  const facts = { appId: call.appId, callId: call.id, ...(call.meetingId ? { meetingId: call.meetingId } : {}) };
  for (const rule of (await ctx.faults?.callFaults(facts, unit.txDocs)) ?? []) await armFault(unit, call, rule.fault, now + rule.afterMs);
  const magic = magicMeeting(call.meetingId);
  if (magic?.from === 'established') await armFault(unit, call, magic.fault, now + magic.afterMs);
  const phone = magicPhoneCaller(call);
  if (phone) await armFault(unit, call, phone.fault, now + phone.afterMs);
}

/** A leg waits in a magic meeting's lobby that always times out: it is removed after the lobby timeout. */
export async function armFaultsInLobby(unit: CallUnit, call: Call, now: number): Promise<void> {
  const magic = magicMeeting(call.meetingId);
  if (magic?.from === 'lobby') await armFault(unit, call, magic.fault, now + magic.afterMs);
}
