/**
 * A committed document row as the cache keeps it: the JSON text, from which every `get` parses its
 * own copy, and, once a shared read asked for it, the frozen decoded value all shared reads return.
 */
export interface CachedDoc {
  kind: string;
  id: string;
  version: number;
  data: string;
  updated_at: number;
  shared?: unknown;
}

/**
 * Committed documents by kind and id, for reads outside transactions. In WAL mode each SQLite
 * read begins and ends a read transaction (shared-memory locks), which costs more than the rest
 * of a Graph read; the token, call and conference of a GET are read again on every request. The
 * store is this process's only writer (one process per SQLite file: several nodes need
 * PostgreSQL, docs/deployment.md), so the cache stays exact by forgetting every key a
 * transaction wrote once it commits. Bounded: the oldest entry goes first.
 */
export class DocCache {
  private readonly rows = new Map<string, CachedDoc>();

  constructor(private readonly capacity: number) {}

  get(kind: string, id: string): CachedDoc | undefined {
    return this.rows.get(keyOf(kind, id));
  }

  remember(row: CachedDoc): void {
    const key = keyOf(row.kind, row.id);
    if (this.rows.size >= this.capacity && !this.rows.has(key)) {
      const oldest = this.rows.keys().next();
      if (!oldest.done) this.rows.delete(oldest.value);
    }
    this.rows.set(key, row);
  }

  forget(keys: Iterable<string>): void {
    for (const key of keys) this.rows.delete(key);
  }

  clear(): void {
    this.rows.clear();
  }
}

/** Kinds and ids never contain NUL (they are SQLite TEXT keys written by the ports). */
export const keyOf = (kind: string, id: string): string => `${kind}\u0000${id}`;
