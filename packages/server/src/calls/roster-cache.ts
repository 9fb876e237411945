import type { Roster } from './roster-docs.js';

/** Conferences kept; a 10,000-entry roster costs two arrays here, its entries are shared. */
const CAPACITY = 256;

/**
 * The last stamps' rosters kept per conference: the one written and the one committed before it,
 * so a read racing a write (or a rolled-back write) does not push the other out.
 */
const STAMPS_PER_CONFERENCE = 2;

/**
 * Assembled rosters by conference and header stamp, for this process. A stamp is random and new
 * on every roster change, so a cached roster is exact for its stamp: a rolled-back transaction's
 * stamp never reaches the store (never asked for), and another node's change writes a stamp this
 * process has not seen (a miss). The least recently used conference goes first.
 */
export class RosterCache {
  private readonly byConference = new Map<string, Roster[]>();

  constructor(private readonly capacity = CAPACITY) {}

  get(conferenceId: string, stamp: string): Roster | undefined {
    const rosters = this.byConference.get(conferenceId);
    const found = rosters?.find((roster) => roster.stamp === stamp);
    if (found) this.touch(conferenceId, rosters as Roster[]);
    return found;
  }

  remember(conferenceId: string, roster: Roster): void {
    const others = (this.byConference.get(conferenceId) ?? []).filter((kept) => kept.stamp !== roster.stamp);
    this.touch(conferenceId, [roster, ...others].slice(0, STAMPS_PER_CONFERENCE));
    if (this.byConference.size > this.capacity) this.byConference.delete(this.byConference.keys().next().value as string);
  }

  forget(conferenceId: string): void {
    this.byConference.delete(conferenceId);
  }

  clear(): void {
    this.byConference.clear();
  }

  private touch(conferenceId: string, rosters: Roster[]): void {
    this.byConference.delete(conferenceId);
    this.byConference.set(conferenceId, rosters);
  }
}

/** The process's cache: every store and call unit here shares it (stamps make that safe). */
export const sharedRosterCache = new RosterCache();
