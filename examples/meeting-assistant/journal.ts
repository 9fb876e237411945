/** What the assistant did and saw, in order: printed as it happens and kept for `GET /state`. */
export type JournalKind =
  | 'joined-meeting'
  | 'present'
  | 'left'
  | 'recording'
  | 'recording-refused'
  | 'sharing-started'
  | 'sharing-stopped'
  | 'muted'
  | 'late-held'
  | 'late-released'
  | 'meeting-ended'
  | 'problem';

export interface JournalEntry {
  at: string;
  kind: JournalKind;
  /** The participant concerned, by display name, when there is one. */
  name?: string;
  detail: string;
}

export class Journal {
  readonly entries: JournalEntry[] = [];

  constructor(private readonly print: (line: string) => void) {}

  add(kind: JournalKind, detail: string, name?: string): void {
    this.entries.push({ at: new Date().toISOString(), kind, detail, ...(name === undefined ? {} : { name }) });
    this.print(`[assistant] ${detail}`);
  }

  /** Entries of one kind. */
  of(kind: JournalKind): JournalEntry[] {
    return this.entries.filter((entry) => entry.kind === kind);
  }
}
