import { randomUUID } from 'node:crypto';

/**
 * Export version 1 → 2: a version-1 `conference` document holds its whole roster in
 * `participants`; version 2 stores a header (the rest, plus `rosterStamp` and `nextPosition`) and
 * one `roster-entry` document per participant, `{conferenceId}/{participantId}` →
 * `{ position, participant }` (src/calls/roster-docs.ts). Written out here, not imported from
 * there: this step must keep producing version 2 whatever the layout becomes later.
 */
export function splitConferenceRosters(file: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(file.documents)) return file;
  return { ...file, documents: file.documents.flatMap((doc: unknown) => (isRosterConference(doc) ? split(doc) : [doc])) };
}

interface RosterConference {
  kind: 'conference';
  id: string;
  data: Record<string, unknown> & { participants: unknown[] };
}

function isRosterConference(doc: unknown): doc is RosterConference {
  const candidate = doc as Partial<RosterConference> | null;
  return typeof candidate === 'object' && candidate?.kind === 'conference' && typeof candidate.id === 'string' && Array.isArray(candidate.data?.participants);
}

function split({ id, data }: RosterConference): unknown[] {
  const { participants, ...header } = data;
  const entries = participants.map((participant, position) => ({ kind: 'roster-entry', id: `${id}/${participantIdOf(participant, position)}`, data: { position, participant } }));
  return [{ kind: 'conference', id, data: { ...header, rosterStamp: randomUUID(), nextPosition: participants.length } }, ...entries];
}

/** A participant without an id (not one the server wrote) still gets an entry of its own. */
function participantIdOf(participant: unknown, position: number): string {
  const id = (participant as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : `position-${position}`;
}
