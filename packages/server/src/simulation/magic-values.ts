import { END_REASONS, type EndReason } from '../domain/calls/end-reasons.js';
import type { Call, Identity, ResultInfo } from '../domain/calls/types.js';

/**
 * Magic values (issue 6, item 5), like a payment provider's test card numbers: ids of the demo
 * world that always produce one outcome, so CI can test failure paths with no configuration.
 * This table is the one source: the demo world seeds its meetings and users, the call use cases
 * look outcomes up here, GET /_switchboard/magic-values lists it and docs/magic-values.md
 * explains it. Times are clock milliseconds (they shrink under --time-scale).
 */

const CONTOSO = '24be639f-17e8-4f9a-8e2d-be151677740d';
const ADELE = '684f9a4c-68ce-447b-a75e-6b49964b3b70';

/** What a magic meeting does to an app leg that joins it. */
export interface MagicMeeting {
  id: string;
  joinMeetingId: string;
  subject: string;
  /** `organizer`: an app joining lands in the lobby. */
  lobbyBypass: 'organizer' | 'everyone';
  /** When the end comes: after the leg is established, or after it entered the lobby. */
  from: 'established' | 'lobby';
  afterMs: number;
  /** A call fault catalogue name (faults/call-fault-catalog.ts). */
  fault: string;
  reason: EndReason;
}

/**
 * A user whose client always answers an app's peer-to-peer call the same way: the peer ring
 * simulation (domain/calls/peer-ring.ts) does it from the user's answerMode.
 */
export interface MagicUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  answerMode: 'decline' | 'noAnswer';
  reason: EndReason;
  outcome: string;
}

export const MAGIC_MEETINGS = {
  lobbyTimeout: {
    id: '5855a0b1-5855-4855-8855-000000005855', joinMeetingId: '555000005855', subject: 'Magic: the lobby always times out',
    lobbyBypass: 'organizer', from: 'lobby', afterMs: 60_000, fault: 'lobbyTimeout', reason: 'lobbyTimeout',
  },
  endsAfterJoin: {
    id: '5003e0d5-5003-4003-8003-000000005003', joinMeetingId: '555000005003', subject: 'Magic: the meeting ends 30 s after the bot joins',
    lobbyBypass: 'everyone', from: 'established', afterMs: 30_000, fault: 'meetingEnded', reason: 'meetingEnded',
  },
  mediaLost: {
    id: '301005a1-3010-4005-8005-000000301005', joinMeetingId: '555000301005', subject: 'Magic: media connectivity is lost 10 s after the bot joins',
    lobbyBypass: 'everyone', from: 'established', afterMs: 10_000, fault: 'mediaConnectivityLost', reason: 'mediaConnectivityLost',
  },
} as const satisfies Record<string, MagicMeeting>;

export const MAGIC_USERS = {
  declines: {
    id: 'dec11e00-1007-4076-8076-000000010076', displayName: 'Magic: Always Declines', userPrincipalName: 'magic.declines@contoso.example',
    answerMode: 'decline', reason: 'calleeUnreachable', outcome: 'declines at once: the call ends instead of being answered',
  },
  neverAnswers: {
    id: '0a115e00-1005-4057-8057-000000010057', displayName: 'Magic: Never Answers', userPrincipalName: 'magic.never-answers@contoso.example',
    answerMode: 'noAnswer', reason: 'calleeNoSignal', outcome: 'never answers: the call rings for the ring timeout (30 s of clock time, or the beta ringingTimeoutInSeconds), then ends',
  },
} as const satisfies Record<string, MagicUser>;

/**
 * A phone (PSTN) number that, when it calls an app (POST /_switchboard/phone/{number}/call) or an
 * app calls it, always behaves the same way once the call is established. Numbers are in the
 * 555-01xx range reserved for fiction, so they never reach anyone real.
 */
export interface MagicPhoneNumber {
  number: string;
  displayName: string;
  afterMs: number;
  /** A call fault catalogue name (faults/call-fault-catalog.ts). */
  fault: string;
  reason: EndReason;
  outcome: string;
}

export const MAGIC_PHONE_NUMBERS = {
  hangsUpAfterAnswer: {
    number: '+14255550540', displayName: 'Magic: Hangs Up After 10 s', afterMs: 10_000, fault: 'pstnUserHungUp', reason: 'pstnUserHungUp',
    outcome: 'hangs up 10 s (clock time) after the call is established (the app answered it, or it answered the app): the call ends as ended by the PSTN user',
  },
} as const satisfies Record<string, MagicPhoneNumber>;

/**
 * A phone number an app calls (a PSTN call) that never gets established: the peer ring
 * (simulation/phone-ring.ts) ends or holds the app's leg instead of answering. Codes come from
 * the call-delete end reason table (domain/calls/end-reasons.ts), which lists no busy or 603
 * decline code, so there is no busy number. The last two digits are those of the subcode.
 */
export interface MagicDialedNumber {
  number: string;
  /** unreachable and decline end the leg at once with `reason`; noAnswer rings until the ring timeout. */
  answer: 'unreachable' | 'decline' | 'noAnswer';
  reason: EndReason;
  outcome: string;
}

export const MAGIC_DIALED_NUMBERS = {
  unreachable: {
    number: '+14255550134', answer: 'unreachable', reason: 'unableToRoute',
    outcome: 'cannot be reached: the call ends instead of being established, as it could not be routed',
  },
  declines: {
    number: '+14255550176', answer: 'decline', reason: 'calleeUnreachable',
    outcome: 'declines at once: the call ends instead of being established',
  },
  neverAnswers: {
    number: '+14255550157', answer: 'noAnswer', reason: 'calleeNoSignal',
    outcome: 'never answers: the call rings for the ring timeout (30 s of clock time, or the beta ringingTimeoutInSeconds), then ends',
  },
} as const satisfies Record<string, MagicDialedNumber>;

export function magicPhoneNumber(number: string | undefined): MagicPhoneNumber | undefined {
  return Object.values(MAGIC_PHONE_NUMBERS).find((phone) => phone.number === number);
}

/** The magic phone on the other end of an app's peer-to-peer call (its caller, or the number it called), if it is one. */
export function magicPhoneCaller(call: Pick<Call, 'direction' | 'scenario' | 'source' | 'targets'>): MagicPhoneNumber | undefined {
  return magicPhoneNumber(phonePeerOf(call)?.id);
}

/** The magic number an app's PSTN call dialled, if it is one that is never established. */
export function magicDialedNumber(call: Pick<Call, 'direction' | 'scenario' | 'source' | 'targets'>): MagicDialedNumber | undefined {
  const phone = call.direction === 'outgoing' ? phonePeerOf(call) : undefined;
  return Object.values(MAGIC_DIALED_NUMBERS).find((dialed) => dialed.number === phone?.id);
}

/** The phone party of a peer-to-peer call: an incoming call's caller, or the one target of an outgoing call. */
function phonePeerOf(call: Pick<Call, 'direction' | 'scenario' | 'source' | 'targets'>): Identity | undefined {
  const peer = call.direction === 'incoming' && call.scenario === 'incoming' ? call.source : call.scenario === 'peerToPeer' ? call.targets[0] : undefined;
  return peer?.kind === 'phone' ? peer : undefined;
}

/** A joinMeetingIdMeetingInfo passcode that is wrong for every meeting (400 meetingPasscodeInvalid). */
export const MAGIC_WRONG_PASSCODE = '000000';

/** The tenant and organizer of the magic meetings, and the tenant of the magic users (Contoso, the demo bot's home). */
export const MAGIC_TENANT_ID = CONTOSO;
export const MAGIC_ORGANIZER_ID = ADELE;

export function magicMeeting(meetingId: string | undefined): MagicMeeting | undefined {
  return Object.values(MAGIC_MEETINGS).find((meeting) => meeting.id === meetingId);
}

/** One row of the documented table (GET /_switchboard/magic-values, docs/magic-values.md). */
export interface MagicValueRow {
  kind: 'meeting' | 'user' | 'phone' | 'passcode';
  name: string;
  value: string;
  /** How to use it in a request. */
  use: string;
  outcome: string;
  resultInfo?: ResultInfo;
  error?: { status: number; id: string };
}

export function magicValueRows(): MagicValueRow[] {
  const meetings = Object.entries(MAGIC_MEETINGS).map(([name, m]): MagicValueRow => ({
    kind: 'meeting', name, value: m.id, use: `joinMeetingIdMeetingInfo.joinMeetingId ${m.joinMeetingId} (no passcode), or the meeting's joinWebUrl`,
    outcome: `${m.subject.replace('Magic: ', '')}: the leg ends ${m.afterMs} clock ms after it ${m.from === 'lobby' ? 'enters the lobby' : 'is established'}`,
    resultInfo: { ...END_REASONS[m.reason] },
  }));
  const users = Object.entries(MAGIC_USERS).map(([name, u]): MagicValueRow => ({
    kind: 'user', name, value: u.id, use: `the one target (identity.user.id) of a peer-to-peer call in tenant ${CONTOSO}`,
    outcome: u.outcome,
    resultInfo: { ...END_REASONS[u.reason] },
  }));
  const phones = Object.entries(MAGIC_PHONE_NUMBERS).map(([name, p]): MagicValueRow => ({
    kind: 'phone', name, value: p.number, use: 'the caller of POST /_switchboard/phone/{number}/call (or a scenario phone person that calls an app), or the phone target of a PSTN call an app places',
    outcome: p.outcome,
    resultInfo: { ...END_REASONS[p.reason] },
  }));
  const dialed = Object.entries(MAGIC_DIALED_NUMBERS).map(([name, d]): MagicValueRow => ({
    kind: 'phone', name, value: d.number, use: 'the phone target (identity.phone.id) of a PSTN call an app places from its application instance',
    outcome: d.outcome,
    resultInfo: { ...END_REASONS[d.reason] },
  }));
  const passcode: MagicValueRow = {
    kind: 'passcode', name: 'wrongPasscode', value: MAGIC_WRONG_PASSCODE, use: 'joinMeetingIdMeetingInfo.passcode, with any joinMeetingId',
    outcome: 'the create-call request fails: the passcode is wrong', error: { status: 400, id: 'meetingPasscodeInvalid' },
  };
  return [...meetings, ...users, ...phones, ...dialed, passcode];
}

/** The magic meetings and users as world file entries (the demo world seeds them; world/demo-world.ts). */
export function magicWorldEntries(): { users: Record<string, unknown>[]; meetings: Record<string, unknown>[] } {
  const users = Object.values(MAGIC_USERS).map(({ id, displayName, userPrincipalName, answerMode }) => ({ id, tenantId: CONTOSO, displayName, userPrincipalName, answerMode }));
  const meetings = Object.values(MAGIC_MEETINGS).map(({ id, joinMeetingId, subject, lobbyBypass }) => ({
    id, tenantId: CONTOSO, organizerId: ADELE, subject, joinMeetingId, passcode: null, lobbyBypass,
  }));
  return { users, meetings };
}
