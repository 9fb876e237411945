import { changeScreenSharingRole as changeRole } from '../../domain/calls/screen-sharing-role.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import { connectedLeg } from './connected-leg.js';
import type { ScreenSharingRoleCommand } from './features-api.js';

/**
 * POST …/changeScreenSharingRole (call-changescreensharingrole): 202 without a body; the roster
 * update that follows shows the app's screen-sharing stream `sendOnly` while it is the sharer.
 */
export async function changeScreenSharingRole(ctx: CallContext, caller: Caller, callId: string, command: ScreenSharingRoleCommand): Promise<void> {
  await inCallTx(ctx, async (unit) => {
    const { call, conference } = await connectedLeg(unit, caller, callId, 'changeScreenSharingRole');
    const changed = changeRole(call, conference, command.role);
    await unit.putConference(changed.value);
    await unit.emit(changed.events);
  });
}
