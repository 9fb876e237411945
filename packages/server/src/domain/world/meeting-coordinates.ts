import { createHash } from 'node:crypto';
import { guidFromSeed } from './ids.js';
import { buildJoinWebUrl } from './meeting-links.js';
import type { LobbyBypassScope, Meeting } from './types.js';

/** `19:meeting_<base64url of a GUID: 48 chars>@thread.v2`, as Teams names meeting chats. */
export const MEETING_THREAD_PATTERN = /^19:meeting_[A-Za-z0-9_-]{48}@thread\.v2$/;
/** Any Teams chat thread id a meeting may be pinned to (the docs' examples use `@thread.skype` too). */
export const CHAT_THREAD_ID_PATTERN = /^19:[^\s/@]+@thread\.(v2|skype|tacv2)$/;
/** Teams shows 12–13 digits; fixtures may pin shorter ones, like the docs' `1234567`. */
export const JOIN_MEETING_ID_PATTERN = /^\d{6,20}$/;

const PASSCODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

export interface MeetingCoordinates {
  chatThreadId: string;
  joinMeetingId: string;
  passcode: string;
}

/** Everything a meeting is found by, derived from its id: stable for a given id, unlikely to collide. */
export function deriveMeetingCoordinates(meetingId: string): MeetingCoordinates {
  return {
    chatThreadId: meetingThreadId(guidFromSeed(`meeting-thread:${meetingId}`)),
    joinMeetingId: joinMeetingIdFrom(digest(`join-meeting-id:${meetingId}`)),
    passcode: passcodeFrom(digest(`passcode:${meetingId}`)),
  };
}

export function meetingThreadId(guid: string): string {
  return `19:meeting_${Buffer.from(guid.toLowerCase(), 'utf8').toString('base64url')}@thread.v2`;
}

/** 12 or 13 digits without a leading zero (Teams prints them in groups of three; we store them bare). */
export function joinMeetingIdFrom(bytes: Buffer): string {
  const digits = 12 + ((bytes[0] ?? 0) & 1);
  const floor = 10n ** BigInt(digits - 1);
  return (floor + (bytes.readBigUInt64BE(1) % (9n * floor))).toString();
}

/** Six letters and digits without look-alikes (0/O, 1/l/I), like the passcodes Teams prints. */
export function passcodeFrom(bytes: Buffer): string {
  return Array.from(bytes.subarray(0, 6), (b) => PASSCODE_ALPHABET[b % PASSCODE_ALPHABET.length]).join('');
}

/** People paste `123 456 789 012`; ids are stored and compared without the spaces. */
export function normalizeJoinMeetingId(value: string): string {
  return value.replace(/[\s-]/g, '');
}

function digest(seed: string): Buffer {
  return createHash('sha256').update(seed, 'utf8').digest();
}

export interface MeetingDraft {
  id: string;
  tenantId: string;
  organizerId: string;
  subject: string;
  startDateTime: string;
  endDateTime: string;
  joinMeetingId?: string;
  /** `null`: the meeting has no passcode; absent: derive one. */
  passcode?: string | null;
  chatThreadId?: string;
  lobbyBypass?: LobbyBypassScope;
  isDialInBypassEnabled?: boolean;
}

/** A complete meeting: pinned values win, the rest is derived, and the join link always matches. */
export function buildMeeting(draft: MeetingDraft): Meeting {
  const derived = deriveMeetingCoordinates(draft.id);
  const chatThreadId = draft.chatThreadId ?? derived.chatThreadId;
  const passcode = draft.passcode === null ? undefined : (draft.passcode ?? derived.passcode);
  return {
    id: draft.id,
    tenantId: draft.tenantId,
    organizerId: draft.organizerId,
    subject: draft.subject,
    joinWebUrl: buildJoinWebUrl({ threadId: chatThreadId, tenantId: draft.tenantId, organizerId: draft.organizerId }),
    joinMeetingId: normalizeJoinMeetingId(draft.joinMeetingId ?? derived.joinMeetingId),
    ...(passcode === undefined ? {} : { passcode }),
    chatThreadId,
    lobbyBypass: draft.lobbyBypass ?? 'organization',
    ...(draft.isDialInBypassEnabled === undefined ? {} : { isDialInBypassEnabled: draft.isDialInBypassEnabled }),
    startDateTime: draft.startDateTime,
    endDateTime: draft.endDateTime,
  };
}

const HOUR_MS = 60 * 60 * 1000;

/** A meeting created without times runs for an hour from now. */
export function defaultMeetingWindow(nowMs: number): { startDateTime: string; endDateTime: string } {
  return { startDateTime: new Date(nowMs).toISOString(), endDateTime: new Date(nowMs + HOUR_MS).toISOString() };
}
