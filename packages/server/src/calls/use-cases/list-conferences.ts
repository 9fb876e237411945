import type { Conference } from '../../domain/calls/types.js';
import type { Store } from '../../storage/ports.js';
import { sharedRosterCache } from '../roster-cache.js';
import { listConferences } from '../roster-reads.js';

/**
 * Every active conference (meetings with people in them and group calls), newest first: the
 * console's Meetings view lists group calls, which have no meeting to look them up by.
 */
export async function listActiveConferences(store: Store): Promise<Conference[]> {
  const conferences = await listConferences(store.docs, sharedRosterCache);
  return conferences.filter((conference) => conference.state === 'active').sort((a, b) => b.createdAt - a.createdAt);
}
