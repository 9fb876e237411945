import { waitsInLobby } from '../../domain/calls/lobby-policy.js';
import { personParticipant } from '../../domain/calls/participants.js';
import { addParticipants, openConference } from '../../domain/calls/roster.js';
import { DomainError } from '../../domain/errors/index.js';
import { inCallTx, type CallContext } from '../call-context.js';
import { outsiderIdentity } from './outsider-identity.js';
import { requireMeeting } from './join-meeting.js';

/** One transaction holds the whole crowd and its notifications: the cap keeps it a bounded one. */
export const CROWD_MAX = 20_000;

export interface CrowdJoined {
  conferenceId: string;
  participantIds: string[];
  rosterSequence: number;
}

/**
 * `count` guests named `<prefix> 1…count` join together in one roster version, the way the
 * targets of a group call that answer together do (one `updated` on /participants listing them).
 * Seeds a large meeting in one step instead of `count` joins (benchmarks, scenario set-up).
 */
export async function joinCrowd(ctx: CallContext, meetingId: string, count: number, prefix: string): Promise<CrowdJoined> {
  if (!Number.isInteger(count) || count < 1 || count > CROWD_MAX) throw new DomainError('validationFailed', { details: `count must be an integer from 1 to ${CROWD_MAX}` });
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const meeting = await requireMeeting(unit, meetingId);
    const conference = (await unit.meetingConference(meeting.id)) ?? openConference({ id: ctx.newId(), kind: 'meeting', tenantId: meeting.tenantId, meetingId: meeting.id }, now);
    const joiners = Array.from({ length: count }, (_, index) => {
      const identity = outsiderIdentity({ guest: { displayName: `${prefix} ${index + 1}` } }, ctx.newId());
      return personParticipant(ctx.newId(), identity, { isInLobby: waitsInLobby(meeting, identity) });
    });
    const joined = addParticipants(conference, joiners, now);
    await unit.putConference(joined.value);
    await unit.emit(joined.events);
    return { conferenceId: conference.id, participantIds: joiners.map((p) => p.id), rosterSequence: joined.value.rosterSequence };
  });
}
