import { sessionsOf } from '../../domain/calls/content-sharing.js';
import { participantOfCall } from '../../domain/calls/roster.js';
import type { ContentSharingSession } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import type { Caller } from '../calls-api.js';
import type { CallContext } from '../call-context.js';
import { ownLiveCall } from '../use-cases/owned-call.js';
import { storedCall, storedConference } from '../use-cases/read-calls.js';

/**
 * GET …/contentSharingSessions (call-list-contentsharingsessions): the screens shared in the
 * leg's conference right now, whatever the leg's notification option says (that option governs
 * notifications only). A leg waiting in the lobby sees none, as it sees no roster.
 */
export async function listContentSharingSessions(ctx: CallContext, caller: Caller, callId: string): Promise<ContentSharingSession[]> {
  const call = ownLiveCall(await storedCall(ctx, callId), caller);
  const conference = await storedConference(ctx, call.conferenceId);
  if (!conference || participantOfCall(conference, call.id)?.isInLobby) return [];
  return sessionsOf(conference);
}

/** GET …/contentSharingSessions/{id} (contentsharingsession-get). */
export async function getContentSharingSession(ctx: CallContext, caller: Caller, callId: string, sessionId: string): Promise<ContentSharingSession> {
  const session = (await listContentSharingSessions(ctx, caller, callId)).find((candidate) => candidate.id === sessionId);
  if (!session) throw new DomainError('contentSharingSessionNotFound', { sessionId });
  return session;
}
