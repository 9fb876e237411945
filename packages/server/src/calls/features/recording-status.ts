import { checkClientContext } from '../../domain/calls/operations.js';
import { assertComplianceRecordingCall, reportRecordingStatus, type PolicyHolders } from '../../domain/calls/recording.js';
import type { Call, Conference, Operation } from '../../domain/calls/types.js';
import type { User } from '../../domain/world/types.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallUnit } from '../call-unit.js';
import { connectedLeg } from './connected-leg.js';
import type { RecordingStatusCommand } from './features-api.js';
import { clientContextOf, newOperation } from './feature-operations.js';

/**
 * POST …/updateRecordingStatus (call-updaterecordingstatus): only for a call under a compliance
 * recording policy naming the app (else 8506). 200 with a `completed`
 * updateRecordingStatusOperation (no notification follows a completed one, BEHAVIOR.md §6); the
 * app's roster entry shows the status and everyone connected gets it.
 */
export async function updateRecordingStatus(ctx: CallContext, caller: Caller, callId: string, command: RecordingStatusCommand): Promise<Operation> {
  checkClientContext(command.clientContext);
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const { call, conference, self } = await connectedLeg(unit, caller, callId, 'updateRecordingStatus');
    assertComplianceRecordingCall(call.appId, await policyHolders(unit, call, conference));
    const reported = reportRecordingStatus(conference, self.id, { initiator: call.source, status: command.status });
    await unit.putConference(reported.value);
    await unit.emit(reported.events);
    return newOperation(ctx, unit, { callId, type: 'updateRecordingStatusOperation', status: 'completed', ...clientContextOf(command) }, now);
  });
}

/** The call's tenant, and the users in the call right now (not those waiting in the lobby or still ringing). */
async function policyHolders(unit: CallUnit, call: Call, conference: Conference): Promise<PolicyHolders> {
  const users: User[] = [];
  for (const participant of conference.participants) {
    if (participant.identity.kind !== 'user' || participant.isInLobby || participant.invitation) continue;
    const user = await unit.world.user(participant.identity.id.toLowerCase());
    if (user) users.push(user);
  }
  const tenant = await unit.world.tenant(call.tenantId.toLowerCase());
  return { ...(tenant ? { tenant } : {}), users };
}
