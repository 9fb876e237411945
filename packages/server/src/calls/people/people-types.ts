import type { Participant } from '../../domain/calls/types.js';

/** Who joins a meeting: a user of the world, or an anonymous guest with a display name. */
export interface PersonJoin {
  userId?: string;
  guest?: { displayName: string };
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
