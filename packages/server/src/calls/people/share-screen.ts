import { sessionOf, startSharing, stopSharing } from '../../domain/calls/content-sharing.js';
import type { ContentSharingSession } from '../../domain/calls/types.js';
import { inCallTx, type CallContext } from '../call-context.js';

/**
 * A person starts sharing their screen from their client: their screen-sharing stream sends (a
 * roster update) and a content sharing session starts (`created` to the legs that asked for
 * content sharing notifications).
 */
export async function shareScreen(ctx: CallContext, conferenceId: string, participantId: string): Promise<ContentSharingSession> {
  return inCallTx(ctx, async (unit) => {
    const shared = startSharing(await unit.requireConference(conferenceId), participantId, ctx.newId(), ctx.clock.now());
    await unit.putConference(shared.value);
    await unit.emit(shared.events);
    return sessionOf(shared.value, participantId)!;
  });
}

/** The person stops sharing: the session ends (`deleted`) and their stream goes quiet. */
export async function stopScreenSharing(ctx: CallContext, conferenceId: string, participantId: string): Promise<void> {
  await inCallTx(ctx, async (unit) => {
    const stopped = stopSharing(await unit.requireConference(conferenceId), participantId);
    await unit.putConference(stopped.value);
    await unit.emit(stopped.events);
  });
}
