import type { Participant } from '../domain/calls/types.js';
import { frozenParticipant, type Roster, type RosterEntryDoc } from './roster-docs.js';

/** What writing a changed roster takes: the entries to put and delete, and the roster afterwards. */
export interface RosterWrite {
  puts: RosterEntryDoc[];
  /** Participant ids whose entries go. */
  deletes: string[];
  /** The roster after the write, every entry frozen (for the cache). */
  participants: Participant[];
  positions: number[];
  nextPosition: number;
}

/**
 * The entries of `next` that differ from the roster read. Domain functions return changed copies
 * and keep unchanged participants as the same objects, so an identity scan from both ends finds
 * the changed stretch; only that stretch is compared by id. A join (appended at the end), a
 * departure or an update touches one entry, whatever the roster's size.
 */
export function planRosterWrite(read: Roster, next: readonly Participant[], nextPosition: number): RosterWrite {
  const old = read.participants;
  const prefix = samePrefix(old, next);
  const suffix = sameSuffix(old, next, prefix);
  const plan: RosterWrite = { puts: [], deletes: [], participants: next.slice(), positions: keptPositions(read, next.length, prefix, suffix), nextPosition };
  const before = new Map<string, { participant: Participant; position: number }>();
  for (let i = prefix; i < old.length - suffix; i++) before.set((old[i] as Participant).id, { participant: old[i] as Participant, position: read.positions[i] as number });
  placeMiddle(plan, before, prefix, next.length - suffix, suffix > 0 ? (read.positions[old.length - suffix] as number) : Infinity);
  const kept = new Set(plan.participants.slice(prefix, next.length - suffix).map((p) => p.id));
  for (const id of before.keys()) if (!kept.has(id)) plan.deletes.push(id);
  return plan;
}

function samePrefix(old: readonly Participant[], next: readonly Participant[]): number {
  let count = 0;
  while (count < old.length && count < next.length && old[count] === next[count]) count++;
  return count;
}

function sameSuffix(old: readonly Participant[], next: readonly Participant[], prefix: number): number {
  let count = 0;
  while (count < old.length - prefix && count < next.length - prefix && old[old.length - 1 - count] === next[next.length - 1 - count]) count++;
  return count;
}

/** The positions of the unchanged ends; the middle is filled in by placeMiddle. */
function keptPositions(read: Roster, length: number, prefix: number, suffix: number): number[] {
  const positions = new Array<number>(length);
  for (let i = 0; i < prefix; i++) positions[i] = read.positions[i] as number;
  for (let k = 1; k <= suffix; k++) positions[length - k] = read.positions[read.positions.length - k] as number;
  return positions;
}

/**
 * Entries keep their position while the order allows; new ones at the end take the next position.
 * Anything else (an insertion before unchanged entries, a reorder) renumbers the rest of the
 * roster: correct, and no domain function does it today.
 */
function placeMiddle(plan: RosterWrite, before: Map<string, { participant: Participant; position: number }>, from: number, to: number, upper: number): void {
  let last = from > 0 ? (plan.positions[from - 1] as number) : -Infinity;
  for (let i = from; i < to; i++) {
    const participant = plan.participants[i] as Participant;
    const known = before.get(participant.id);
    if (known && known.position > last && known.position < upper) {
      plan.positions[i] = known.position;
      if (known.participant !== participant) put(plan, i);
    } else if (upper === Infinity) {
      plan.positions[i] = plan.nextPosition++;
      put(plan, i);
    } else return renumberFrom(plan, i);
    last = plan.positions[i] as number;
  }
}

function renumberFrom(plan: RosterWrite, from: number): void {
  for (let i = from; i < plan.participants.length; i++) {
    plan.positions[i] = plan.nextPosition++;
    put(plan, i);
  }
}

function put(plan: RosterWrite, index: number): void {
  const participant = frozenParticipant(plan.participants[index] as Participant);
  plan.participants[index] = participant;
  plan.puts.push({ position: plan.positions[index] as number, participant });
}
