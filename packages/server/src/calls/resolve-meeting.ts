import { meetingIdFromToken } from '../domain/calls/meeting-token.js';
import { DomainError } from '../domain/errors/index.js';
import type { Meeting } from '../domain/world/types.js';
import type { WorldReader } from '../world/world-reader.js';
import type { MeetingLocator } from './calls-api.js';
import { MAGIC_WRONG_PASSCODE } from '../simulation/magic-values.js';

/**
 * Finds the meeting a create-call body points at. An unknown meeting is 404 callMeetingNotFound
 * whichever way it was named; a passcode that is missing or wrong for a meeting that has one is
 * 400 meetingPasscodeInvalid (Teams asks for the passcode before it looks any further).
 */
export async function resolveMeeting(world: WorldReader, locator: MeetingLocator): Promise<Meeting> {
  if (locator.method === 'joinMeetingId') return byJoinMeetingId(world, locator.joinMeetingId, locator.passcode);
  if (locator.method === 'tokenMeetingInfo') return found(await meetingOfToken(world, locator.token), 'The meeting token');
  const meeting = await world.meetingByThreadId(locator.threadId);
  const matches = meeting?.organizerId.toLowerCase() === locator.organizerId.toLowerCase() && (!locator.organizerTenantId || sameId(locator.organizerTenantId, meeting.tenantId));
  return found(matches ? meeting : undefined, `Thread '${locator.threadId}' organized by '${locator.organizerId}'`);
}

async function byJoinMeetingId(world: WorldReader, joinMeetingId: string, passcode: string | undefined): Promise<Meeting> {
  const meeting = found(await world.meetingByJoinMeetingId(joinMeetingId), `joinMeetingId '${joinMeetingId}'`);
  // The magic wrong passcode (simulation/magic-values.ts) fails for every meeting, even one without a passcode.
  if ((meeting.passcode && passcode !== meeting.passcode) || passcode === MAGIC_WRONG_PASSCODE) {
    throw new DomainError('meetingPasscodeInvalid', { joinMeetingId, problem: passcode ? 'wrong' : 'missing: this meeting requires one' });
  }
  return meeting;
}

async function meetingOfToken(world: WorldReader, token: string): Promise<Meeting | undefined> {
  const meetingId = meetingIdFromToken(token);
  return meetingId ? world.meeting(meetingId) : undefined;
}

function found(meeting: Meeting | undefined, locator: string): Meeting {
  if (!meeting) throw new DomainError('callMeetingNotFound', { locator });
  return meeting;
}

export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
