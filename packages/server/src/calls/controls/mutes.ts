import { checkClientContext } from '../../domain/calls/operations.js';
import { muteAllTargets, selfMute, serverMute, serverMuteAll } from '../../domain/calls/participant-controls.js';
import type { Conference, Operation, Transition } from '../../domain/calls/types.js';
import type { Caller } from '../calls-api.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallUnit } from '../call-unit.js';
import type { ConnectedLeg } from '../features/connected-leg.js';
import { newOperation } from '../features/feature-operations.js';
import type { ControlCommand, MuteAllCommand } from './controls-api.js';
import { clientContextOf, groupLeg } from './control-operations.js';

/**
 * Mutes answer 200 with an operation that is already `completed` (so no operation notification
 * follows, BEHAVIOR.md §6) and, when anything changed, one roster update to every connected leg.
 */
interface MuteSpec {
  action: string;
  page: string;
  type: string;
  change(leg: ConnectedLeg): Transition<Conference>;
}

async function mute(ctx: CallContext, caller: Caller, callId: string, command: ControlCommand, spec: MuteSpec): Promise<Operation> {
  checkClientContext(command.clientContext);
  return inCallTx(ctx, async (unit) => {
    const leg = await groupLeg(unit, caller, callId, spec.action, spec.page);
    await applyRosterChange(unit, spec.change(leg));
    return newOperation(ctx, unit, { callId, type: spec.type, status: 'completed', ...clientContextOf(command) }, ctx.clock.now());
  });
}

async function applyRosterChange(unit: CallUnit, changed: Transition<Conference>): Promise<void> {
  await unit.putConference(changed.value);
  await unit.emit(changed.events);
}

/** POST …/participants/{id}/mute (participant-mute): a server mute; nobody can unmute someone else. */
export function muteParticipant(ctx: CallContext, caller: Caller, callId: string, participantId: string, command: ControlCommand): Promise<Operation> {
  const change = ({ conference }: ConnectedLeg) => serverMute(conference, participantId);
  return mute(ctx, caller, callId, command, { action: 'participant mute', page: 'participant-mute', type: 'muteParticipantOperation', change });
}

/** POST …/participants/muteAll (beta, deprecated; participant-muteall): a commsOperation, completed. */
export function muteAll(ctx: CallContext, caller: Caller, callId: string, command: MuteAllCommand): Promise<Operation> {
  const change = ({ conference, self }: ConnectedLeg) => serverMuteAll(conference, muteAllTargets(conference, command.participants, self.id));
  return mute(ctx, caller, callId, command, { action: 'participants/muteAll', page: 'participant-muteall', type: 'commsOperation', change });
}

/** POST …/calls/{id}/mute and /unmute (call-mute, call-unmute): the app's own leg. */
export function muteSelf(ctx: CallContext, caller: Caller, callId: string, muted: boolean, command: ControlCommand): Promise<Operation> {
  const change = ({ conference, self }: ConnectedLeg) => selfMute(conference, self.id, muted);
  const [action, type] = muted ? (['mute', 'muteParticipantOperation'] as const) : (['unmute', 'unmuteParticipantOperation'] as const);
  return mute(ctx, caller, callId, command, { action, page: `call-${action}`, type, change });
}
