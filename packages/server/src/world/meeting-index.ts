import type { Meeting } from '../domain/world/types.js';
import type { DocumentPort } from '../storage/ports.js';

/**
 * Secondary indexes over meetings, kept as documents so a create-call finds its meeting with one
 * `docs.get` instead of listing every meeting. They are written by WorldTx in the same
 * transaction as the meeting itself, and rebuilt at seeding (every start), which also covers
 * stores written before the indexes existed; so readers need no fallback scan.
 */

export const MEETING_INDEX_KINDS = {
  /** id: the normalized `joinMeetingId` (digits only, as buildMeeting stores it). */
  byJoinMeetingId: 'meeting-by-join-id',
  /** id: the chat thread id (`19:meeting_…@thread.v2`). */
  byThreadId: 'meeting-by-thread',
} as const;

export interface MeetingIndexEntry {
  meetingId: string;
}

type IndexKind = (typeof MEETING_INDEX_KINDS)[keyof typeof MEETING_INDEX_KINDS];

const KEYS: readonly [IndexKind, (m: Meeting) => string][] = [
  [MEETING_INDEX_KINDS.byJoinMeetingId, (m) => m.joinMeetingId],
  [MEETING_INDEX_KINDS.byThreadId, (m) => m.chatThreadId],
];

/** Moves the meeting's entries from `previous` to `next`'s keys (either absent for create or delete). */
export async function reindexMeeting(docs: DocumentPort, previous: Meeting | undefined, next: Meeting | undefined): Promise<void> {
  for (const [kind, key] of KEYS) {
    if (previous && key(previous) !== (next && key(next))) await dropEntry(docs, kind, key(previous), previous.id);
    if (next) await pointEntry(docs, kind, key(next), next.id);
  }
}

/** Makes the indexes match the stored meetings exactly: missing entries added, stale ones dropped. */
export async function rebuildMeetingIndexes(docs: DocumentPort, meetings: readonly Meeting[]): Promise<void> {
  for (const [kind, key] of KEYS) {
    const wanted = new Map(meetings.map((m) => [key(m), m.id]));
    for (const entry of await docs.list<MeetingIndexEntry>(kind)) {
      if (wanted.get(entry.id) === entry.data.meetingId) wanted.delete(entry.id);
      else await docs.delete(kind, entry.id, entry.version);
    }
    // What is left has no entry now (a wrong one was just deleted).
    for (const [id, meetingId] of wanted) await docs.put<MeetingIndexEntry>(kind, id, { meetingId }, 0);
  }
}

/** Ids of the stored meetings (possibly `meeting` itself) that hold its join id or thread id now. */
export async function meetingIdsSharingKeys(docs: DocumentPort, meeting: Meeting): Promise<string[]> {
  const owners = await Promise.all(KEYS.map(async ([kind, key]) => (await docs.get<MeetingIndexEntry>(kind, key(meeting)))?.data.meetingId));
  return [...new Set(owners.filter((id): id is string => id !== undefined))];
}

/** Only the meeting's own entry goes: during a swap (seeding) another meeting may already own the key. */
async function dropEntry(docs: DocumentPort, kind: IndexKind, id: string, meetingId: string): Promise<void> {
  const entry = await docs.get<MeetingIndexEntry>(kind, id);
  if (entry?.data.meetingId === meetingId) await docs.delete(kind, id, entry.version);
}

/**
 * Uniqueness is checked (checkWorld) before any write, so an entry owned by another meeting is
 * one that meeting is about to leave (a swap while seeding): taking it over is right. The
 * version guard still makes two racing creates of the same key conflict.
 */
async function pointEntry(docs: DocumentPort, kind: IndexKind, id: string, meetingId: string): Promise<void> {
  const entry = await docs.get<MeetingIndexEntry>(kind, id);
  if (entry?.data.meetingId === meetingId) return;
  await docs.put<MeetingIndexEntry>(kind, id, { meetingId }, entry?.version ?? 0);
}
