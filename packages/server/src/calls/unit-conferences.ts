import { randomUUID } from 'node:crypto';
import type { Conference } from '../domain/calls/types.js';
import type { DocumentPort } from '../storage/ports.js';
import { freezeJson } from '../storage/shared/frozen-json.js';
import type { RosterCache } from './roster-cache.js';
import { planRosterWrite } from './roster-changes.js';
import { CONFERENCE_KIND, EMPTY_ROSTER, freezeRoster, headerOf, ROSTER_ENTRY_KIND, rosterEntryId, type ConferenceHeader, type Roster } from './roster-docs.js';
import { loadConference } from './roster-reads.js';

interface TrackedConference {
  /** The header's version read (0 = new), written back as the expected version. */
  version: number;
  header: ConferenceHeader | undefined;
  /** The roster read: what the written participants are compared against. */
  roster: Roster;
  value: Conference | undefined;
  state: 'clean' | 'dirty' | 'deleted';
}

/**
 * The conferences of one call unit, read as whole conferences and written as a header plus the
 * roster entries that changed (roster-docs.ts). The header is always rewritten, so two units
 * changing the same roster conflict on its version, as they did when it held the roster.
 */
export class UnitConferences {
  private readonly tracked = new Map<string, TrackedConference>();

  constructor(
    private readonly docs: DocumentPort,
    private readonly cache: RosterCache,
  ) {}

  async get(id: string): Promise<Conference | undefined> {
    return (await this.track(id))?.value;
  }

  async put(conference: Conference): Promise<void> {
    const known = await this.track(conference.id);
    this.tracked.set(conference.id, { version: known?.version ?? 0, header: known?.header, roster: known?.roster ?? EMPTY_ROSTER, value: conference, state: 'dirty' });
  }

  async drop(id: string): Promise<void> {
    const known = await this.track(id);
    if (known) this.tracked.set(id, { ...known, value: undefined, state: 'deleted' });
  }

  async flush(): Promise<void> {
    for (const [id, conference] of this.tracked) {
      if (conference.state === 'dirty') await this.write(conference.value as Conference, conference);
      if (conference.state === 'deleted' && conference.version > 0) await this.remove(id, conference);
    }
  }

  private async track(id: string): Promise<TrackedConference | undefined> {
    const known = this.tracked.get(id);
    if (known) return known;
    const loaded = await loadConference(this.docs, id, this.cache);
    if (!loaded) return undefined;
    const tracked: TrackedConference = { version: loaded.version, header: loaded.header, roster: loaded.roster, value: loaded.conference, state: 'clean' };
    this.tracked.set(id, tracked);
    return tracked;
  }

  /** Header first: a conflict on it fails the transaction before any entry is written. */
  private async write(conference: Conference, read: TrackedConference): Promise<void> {
    const plan = planRosterWrite(read.roster, conference.participants, read.header?.nextPosition ?? 0);
    const changed = plan.puts.length > 0 || plan.deletes.length > 0;
    const stamp = changed || !read.header ? randomUUID() : read.header.rosterStamp;
    // Frozen, so the store can keep the very value for the next read of this header (SQLite's
    // committed-document cache), instead of reading and decoding the row again.
    await this.docs.put(CONFERENCE_KIND, conference.id, freezeJson(headerOf(conference, stamp, plan.nextPosition)), read.version);
    for (const entry of plan.puts) await this.docs.put(ROSTER_ENTRY_KIND, rosterEntryId(conference.id, entry.participant.id), entry);
    for (const participantId of plan.deletes) await this.docs.delete(ROSTER_ENTRY_KIND, rosterEntryId(conference.id, participantId));
    // Before the commit, which is fine: if it rolls back, nothing stored carries this stamp.
    if (changed || !read.header) this.cache.remember(conference.id, freezeRoster(stamp, plan.participants, plan.positions));
  }

  private async remove(id: string, read: TrackedConference): Promise<void> {
    await this.docs.delete(CONFERENCE_KIND, id, read.version);
    for (const participant of read.roster.participants) await this.docs.delete(ROSTER_ENTRY_KIND, rosterEntryId(id, participant.id));
    this.cache.forget(id);
  }
}
