import { waitsInLobby } from '../../domain/calls/lobby-policy.js';
import { personParticipant } from '../../domain/calls/participants.js';
import { addParticipant, findParticipant, openConference } from '../../domain/calls/roster.js';
import type { Identity, Participant } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import type { Meeting } from '../../domain/world/types.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallUnit } from '../call-unit.js';
import { outsiderIdentity } from './outsider-identity.js';
import type { MeetingRoster, PersonJoin, PersonJoined } from './people-types.js';

/**
 * A person joins a meeting: into the lobby or straight in, per the meeting's lobby policy. Every
 * connected app leg gets a roster update with the new entry (lobby entries included: that is how
 * a bot sees who is waiting).
 */
export async function joinMeeting(ctx: CallContext, meetingId: string, person: PersonJoin): Promise<PersonJoined> {
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const meeting = await requireMeeting(unit, meetingId);
    const identity = await personIdentity(ctx, unit, person);
    const conference = (await unit.meetingConference(meeting.id)) ?? openConference({ id: ctx.newId(), kind: 'meeting', tenantId: meeting.tenantId, meetingId: meeting.id }, now);
    const participantId = ctx.newId();
    const isInLobby = waitsInLobby(meeting, identity);
    const joined = addParticipant(conference, personParticipant(participantId, identity, { muted: person.muted, video: person.video, isInLobby }), now);
    await unit.putConference(joined.value);
    await unit.emit(joined.events);
    return { conferenceId: conference.id, participantId, isInLobby };
  });
}

export async function meetingRoster(ctx: CallContext, meetingId: string): Promise<MeetingRoster> {
  return inCallTx(ctx, async (unit) => {
    await requireMeeting(unit, meetingId);
    const conference = await unit.meetingConference(meetingId);
    if (!conference) return { meetingId, rosterSequence: 0, participants: [] };
    return { meetingId, conferenceId: conference.id, rosterSequence: conference.rosterSequence, participants: conference.participants };
  });
}

/** One roster entry of a conference in progress. */
export async function conferenceParticipant(ctx: CallContext, conferenceId: string, participantId: string): Promise<Participant> {
  return inCallTx(ctx, async (unit) => findParticipant(await unit.requireConference(conferenceId), participantId));
}

export async function requireMeeting(unit: CallUnit, meetingId: string): Promise<Meeting> {
  const meeting = await unit.world.meeting(meetingId);
  if (!meeting) throw new DomainError('meetingNotFound', { meetingId });
  return meeting;
}

async function personIdentity(ctx: CallContext, unit: CallUnit, person: PersonJoin): Promise<Identity> {
  const given = [person.userId, person.guest, person.anonymous, person.phone].filter((who) => who !== undefined);
  if (given.length !== 1) throw new DomainError('validationFailed', { details: 'give exactly one of userId (a user of the world), guest, anonymous or phone' });
  if (person.userId !== undefined) return userIdentity(unit, person.userId);
  return outsiderIdentity(person, ctx.newId());
}

export async function userIdentity(unit: CallUnit, userId: string): Promise<Identity> {
  const user = await unit.world.user(userId.toLowerCase());
  if (!user) throw new DomainError('userNotFound', { userId });
  return { kind: 'user', id: user.id, displayName: user.displayName, tenantId: user.tenantId };
}
