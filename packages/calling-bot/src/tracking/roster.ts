/** A roster entry as far as the tracker needs it. */
export interface RosterEntry {
  id?: string;
  rosterSequenceNumber?: number | null;
}

/** What a roster change means for one participant. */
export type RosterChange = 'joined' | 'updated' | 'ignored';

/**
 * One call's roster, tolerant of repeats and reordering: an entry whose `rosterSequenceNumber` is
 * not above the one held is stale, an entry identical to the one held is a repeat, and a participant
 * that left is not brought back by a late update from before it left.
 */
export class Roster<P extends RosterEntry> {
  /** Current participants by id. */
  readonly participants = new Map<string, P>();
  private readonly departed = new Map<string, number | undefined>();

  /** Applies a current entry; says whether it is a join, a change or nothing new. */
  update(entry: P): RosterChange {
    const id = entry.id;
    if (!id || this.isStale(id, entry)) return 'ignored';
    const held = this.participants.get(id);
    if (held && (isOlder(entry, held) || sameEntry(held, entry))) return 'ignored';
    this.participants.set(id, entry);
    this.departed.delete(id);
    return held ? 'updated' : 'joined';
  }

  /** Applies a departure; the entry that left, or undefined when it was not (or no longer) present. */
  remove(entry: P): P | undefined {
    const id = entry.id;
    if (!id) return undefined;
    const held = this.participants.get(id);
    if (held && isOlder(entry, held)) return undefined;
    this.departed.set(id, sequenceOf(entry) ?? sequenceOf(held));
    this.participants.delete(id);
    return held;
  }

  private isStale(id: string, entry: P): boolean {
    if (!this.departed.has(id)) return false;
    const leftAt = this.departed.get(id);
    const at = sequenceOf(entry);
    return leftAt === undefined || at === undefined || at <= leftAt;
  }
}

function sequenceOf(entry: RosterEntry | undefined): number | undefined {
  const n = entry?.rosterSequenceNumber;
  return typeof n === 'number' ? n : undefined;
}

function isOlder(entry: RosterEntry, held: RosterEntry): boolean {
  const next = sequenceOf(entry);
  const current = sequenceOf(held);
  return next !== undefined && current !== undefined && next < current;
}

function sameEntry(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
