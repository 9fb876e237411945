import type { Participant } from '../../domain/calls/types.js';

/**
 * Who joins a meeting, exactly one of: a user of the world; a guest with a display name; an
 * anonymous participant (a guest whose name may be unknown); a phone (PSTN, dial-in) caller.
 */
export interface PersonJoin {
  userId?: string;
  guest?: { displayName: string };
  anonymous?: { displayName?: string };
  /** E.164, e.g. `+14255550100`. */
  phone?: { number: string; displayName?: string };
  /** Joins muted (default false). */
  muted?: boolean;
  /** Sends video (default false). */
  video?: boolean;
}

export interface PersonJoined {
  conferenceId: string;
  participantId: string;
  isInLobby: boolean;
}

/** A meeting's current roster; no conference (and no participants) when nobody is in it. */
export interface MeetingRoster {
  meetingId: string;
  conferenceId?: string;
  rosterSequence: number;
  participants: Participant[];
}
