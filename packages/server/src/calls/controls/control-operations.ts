import type { Caller } from '../calls-api.js';
import type { CallUnit } from '../call-unit.js';
import { assertGroupCall, connectedLeg, type ConnectedLeg } from '../features/connected-leg.js';
import type { ControlCommand } from './controls-api.js';

/** The operation's `clientContext`, only when the app sent one. */
export const clientContextOf = (command: ControlCommand): ControlCommand => (command.clientContext === undefined ? {} : { clientContext: command.clientContext });

/**
 * The caller's connected leg in a meeting or group call: mutes, removals and audio routing groups
 * act on a roster people share (call-mute and participant-mute: "group calls only").
 */
export async function groupLeg(unit: CallUnit, caller: Caller, callId: string, action: string, page: string): Promise<ConnectedLeg> {
  const leg = await connectedLeg(unit, caller, callId, action);
  assertGroupCall(leg.call, action, page);
  return leg;
}
