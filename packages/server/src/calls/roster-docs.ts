import { randomUUID } from 'node:crypto';
import type { Conference, Participant } from '../domain/calls/types.js';
import { freezeJson } from '../storage/shared/frozen-json.js';

/**
 * The stored layout of a conference (docs/perf/join.md, round 2): a header document of kind
 * `conference` with everything but the roster, and one `roster-entry` document per participant.
 * A join then writes the header and one entry, not the whole roster.
 */
export const ROSTER_ENTRY_KIND = 'roster-entry';

/** The document kind of conference headers (CALL_KINDS.conference). */
export const CONFERENCE_KIND = 'conference';

export interface ConferenceHeader extends Omit<Conference, 'participants'> {
  /** Random, new on every roster change: the key of the per-process roster cache (roster-cache.ts). */
  rosterStamp: string;
  /** The position the next new entry gets; positions only grow, so roster order = position order. */
  nextPosition: number;
}

export interface RosterEntryDoc {
  position: number;
  participant: Participant;
}

/** A roster as read: participants in order with their positions. Shared, so never changed. */
export interface Roster {
  readonly stamp: string;
  readonly participants: readonly Participant[];
  readonly positions: readonly number[];
}

export const EMPTY_ROSTER: Roster = Object.freeze({ stamp: '', participants: Object.freeze([]), positions: Object.freeze([]) });

/** `{conferenceId}/`: every entry of the conference, listed with this id prefix. */
export const rosterPrefix = (conferenceId: string): string => `${conferenceId}/`;

export const rosterEntryId = (conferenceId: string, participantId: string): string => `${rosterPrefix(conferenceId)}${participantId}`;

export function headerOf(conference: Conference, rosterStamp: string, nextPosition: number): ConferenceHeader {
  const { participants: _roster, ...header } = conference;
  return { ...header, rosterStamp, nextPosition };
}

/** The domain's whole conference; frozen, as the roster it shares is. */
export function assembleConference(header: ConferenceHeader, roster: Roster): Conference {
  const { rosterStamp: _stamp, nextPosition: _next, ...fields } = header;
  return Object.freeze({ ...fields, participants: roster.participants as Participant[] });
}

/** The roster of listed entries, in position order. */
export function rosterOfEntries(stamp: string, entries: readonly RosterEntryDoc[]): Roster {
  const sorted = [...entries].sort((a, b) => a.position - b.position);
  return freezeRoster(
    stamp,
    sorted.map((entry) => frozenParticipant(entry.participant)),
    sorted.map((entry) => entry.position),
  );
}

export function freezeRoster(stamp: string, participants: Participant[], positions: number[]): Roster {
  return Object.freeze({ stamp, participants: Object.freeze(participants), positions: Object.freeze(positions) });
}

/** Deep-frozen, so every reader may share it; an entry frozen before is returned as is. */
export const frozenParticipant = (participant: Participant): Participant => freezeJson(participant) as Participant;

/**
 * An imported header gets a stamp no running node has cached: the file's entries may have been
 * edited by hand, or the file may come from another server.
 */
export function withFreshRosterStamp(data: unknown): unknown {
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? { ...data, rosterStamp: randomUUID() } : data;
}
