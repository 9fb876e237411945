import { DEMO } from '../world/demo-world.js';

/**
 * Scenario files name world entities by demo key (`alex`, `standup`) or by id. Keys resolve
 * here, at load, so a typo is a line-numbered error instead of a failed step minutes into a run;
 * ids are taken as written and checked against the running world when the step runs.
 */
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Resolved = { id: string } | { problem: string };

export function resolveUser(ref: string): Resolved {
  return resolve(ref, DEMO.users, 'user');
}

export function resolveMeeting(ref: string): Resolved {
  return resolve(ref, DEMO.meetings, 'meeting');
}

function resolve(ref: string, demo: Record<string, { id: string }>, noun: string): Resolved {
  const entry = Object.hasOwn(demo, ref) ? demo[ref] : undefined;
  if (entry) return { id: entry.id };
  if (ID.test(ref)) return { id: ref.toLowerCase() };
  return { problem: `unknown ${noun} "${ref}" (demo ${noun}s: ${Object.keys(demo).join(', ')}; or a ${noun} id)` };
}
