import { endCall } from '../../domain/calls/call-leg.js';
import { endConference } from '../../domain/calls/roster.js';
import { DomainError } from '../../domain/errors/index.js';
import { inCallTx, type CallContext } from '../call-context.js';
import { closeLeg } from '../leg-lifecycle.js';
import { requireMeeting } from './join-meeting.js';

/**
 * The organizer ends the meeting for everyone: every app leg ends with one `deleted`
 * notification (200/5003, see domain/calls/end-reasons.ts) and no roster churn before it; the
 * conference is gone and a later join starts a new one.
 */
export async function endMeeting(ctx: CallContext, meetingId: string): Promise<void> {
  await inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    await requireMeeting(unit, meetingId);
    const conference = await unit.meetingConference(meetingId);
    if (!conference) throw new DomainError('meetingNotInProgress', { meetingId });
    for (const participant of conference.participants) {
      const leg = participant.callId ? await unit.call(participant.callId) : undefined;
      if (leg && leg.state !== 'terminated') await closeLeg(unit, endCall(leg, 'meetingEnded', now), now);
    }
    await unit.dropConference(endConference(conference));
  });
}
