import type { Conference } from '../domain/calls/types.js';
import { VersionConflictError, type DocumentPort, type StoredDoc } from '../storage/ports.js';
import { readShared } from '../storage/shared/shared-reads.js';
import type { RosterCache } from './roster-cache.js';
import { assembleConference, CONFERENCE_KIND, ROSTER_ENTRY_KIND, rosterOfEntries, rosterPrefix, type ConferenceHeader, type Roster, type RosterEntryDoc } from './roster-docs.js';

/** A miss lists the entries between two reads of the header; this many tries while writers race it. */
const LOAD_ATTEMPTS = 3;

export interface LoadedConference {
  /** The header's version: the one a write expects, so concurrent roster changes conflict. */
  version: number;
  header: ConferenceHeader;
  roster: Roster;
  conference: Conference;
}

/**
 * A conference as the domain knows it: the header, and its roster from the cache or, on a miss,
 * from the entries. The entries listed belong to the header's stamp only if the header still has
 * it afterwards (outside a transaction, or under PostgreSQL's read committed, a commit can land
 * between the reads); only then is the roster cached.
 */
export async function loadConference(docs: DocumentPort, id: string, cache: RosterCache, listed?: StoredDoc<ConferenceHeader>): Promise<LoadedConference | undefined> {
  let stored = listed ?? (await readShared<ConferenceHeader>(docs, CONFERENCE_KIND, id));
  const known = stored && assembled.get(stored.data);
  // The version too: a frozen header written back unchanged is the same object at a new version.
  if (known && known.version === stored?.version) return known;
  for (let attempt = 1; stored; attempt++) {
    const cached = cache.get(id, stored.data.rosterStamp);
    if (cached) return memoised(stored, loaded(stored, cached));
    const entries = await docs.list<RosterEntryDoc>(ROSTER_ENTRY_KIND, { idPrefix: rosterPrefix(id) });
    const after: StoredDoc<ConferenceHeader> | undefined = await readShared<ConferenceHeader>(docs, CONFERENCE_KIND, id);
    if (after?.data.rosterStamp === stored.data.rosterStamp) return loaded(after, remember(cache, id, rosterOfEntries(after.data.rosterStamp, entries.map((doc) => doc.data))));
    if (attempt >= LOAD_ATTEMPTS) throw new VersionConflictError(CONFERENCE_KIND, id, stored.version, after?.version ?? 0);
    stored = after;
  }
  return undefined;
}

/** Committed state, outside a transaction (the Graph GETs). */
export async function readConference(docs: DocumentPort, id: string, cache: RosterCache): Promise<Conference | undefined> {
  return (await loadConference(docs, id, cache))?.conference;
}

/** Every stored conference, whole. */
export async function listConferences(docs: DocumentPort, cache: RosterCache): Promise<Conference[]> {
  const conferences: Conference[] = [];
  for (const header of await docs.list<ConferenceHeader>(CONFERENCE_KIND)) {
    const loaded = await loadConference(docs, header.id, cache, header);
    if (loaded) conferences.push(loaded.conference);
  }
  return conferences;
}

/**
 * The conference assembled for a header value the store shares (a committed version's frozen
 * document): a GET of a participant then neither looks the roster up nor builds the conference
 * again. Exact, because the header's stamp names exactly one roster.
 */
const assembled = new WeakMap<ConferenceHeader, LoadedConference>();

function memoised(stored: StoredDoc<ConferenceHeader>, conference: LoadedConference): LoadedConference {
  if (Object.isFrozen(stored.data)) assembled.set(stored.data, conference);
  return conference;
}

function loaded(stored: StoredDoc<ConferenceHeader>, roster: Roster): LoadedConference {
  return { version: stored.version, header: stored.data, roster, conference: assembleConference(stored.data, roster) };
}

function remember(cache: RosterCache, id: string, roster: Roster): Roster {
  cache.remember(id, roster);
  return roster;
}
