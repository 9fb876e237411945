import type { Conference } from '../../domain/calls/types.js';
import type { Store } from '../../storage/ports.js';
import { CALL_KINDS } from '../call-unit.js';

/**
 * Every active conference (meetings with people in them and group calls), newest first: the
 * console's Meetings view lists group calls, which have no meeting to look them up by.
 */
export async function listActiveConferences(store: Store): Promise<Conference[]> {
  const docs = await store.docs.list<Conference>(CALL_KINDS.conference);
  return docs
    .map((doc) => doc.data)
    .filter((conference) => conference.state === 'active')
    .sort((a, b) => b.createdAt - a.createdAt);
}
