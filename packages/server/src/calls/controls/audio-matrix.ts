import { audioMatrix } from '../../domain/calls/audio-matrix.js';
import type { Call, Conference } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import type { CallContext } from '../call-context.js';
import { storedCall, storedConference } from '../use-cases/read-calls.js';
import type { CallAudioMatrix } from './controls-api.js';

/**
 * GET /_switchboard/calls/{callId}/audio-matrix: who hears whom in the conference the call is in,
 * from every live leg's audio routing groups, mutes, the lobby and hold music (the model is
 * domain/calls/audio-matrix.ts). For developers: any app's call, committed state.
 */
export async function callAudioMatrix(ctx: CallContext, callId: string): Promise<CallAudioMatrix> {
  const call = await storedCall(ctx, callId);
  if (!call) throw new DomainError('callNotFound');
  const conference = await storedConference(ctx, call.conferenceId);
  if (!conference) throw new DomainError('conferenceNotFound', { conferenceId: call.conferenceId ?? '(none: the call never joined one)' });
  return { callId, ...audioMatrix(conference, await legsOf(ctx, conference)) };
}

async function legsOf(ctx: CallContext, conference: Conference): Promise<Call[]> {
  const legs = await Promise.all(conference.participants.filter((p) => p.callId).map((p) => storedCall(ctx, p.callId!)));
  return legs.filter((leg): leg is Call => leg !== undefined);
}
