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
  /**
   * By kind, then id: a read hashes the id string it was given (often a string it hashed before,
   * such as an id inside a frozen document) instead of building and hashing a fresh `kind\0id` key.
   */
  private readonly rows = new Map<string, Map<string, CachedDoc>>();
  /** The keys (keyOf) in the order they were first remembered, for eviction. */
  private readonly order = new Set<string>();

  constructor(private readonly capacity: number) {}

  get(kind: string, id: string): CachedDoc | undefined {
    return this.rows.get(kind)?.get(id);
  }

  remember(row: CachedDoc): void {
    const key = keyOf(row.kind, row.id);
    if (!this.order.has(key)) {
      if (this.order.size >= this.capacity) this.evictOldest();
      this.order.add(key);
    }
    let ofKind = this.rows.get(row.kind);
    if (!ofKind) this.rows.set(row.kind, (ofKind = new Map()));
    ofKind.set(row.id, row);
  }

  /** `keys` as keyOf builds them (the store collects the keys a transaction wrote). */
  forget(keys: Iterable<string>): void {
    for (const key of keys) this.drop(key);
  }

  /**
   * A committed write of `key` (as keyOf builds it): its row replaces the one held, in place (the
   * eviction order stays). A key not held is not added: a write alone (a new operation, say) does
   * not say the document will be read, and must not push out those that are.
   */
  committed(key: string, row: CachedDoc | undefined): void {
    if (!this.order.has(key)) return;
    if (row) this.rows.get(row.kind)?.set(row.id, row);
    else this.drop(key);
  }

  clear(): void {
    this.rows.clear();
    this.order.clear();
  }

  private evictOldest(): void {
    const oldest = this.order.values().next();
    if (!oldest.done) this.drop(oldest.value);
  }

  private drop(key: string): void {
    if (!this.order.delete(key)) return;
    const cut = key.indexOf(SEPARATOR);
    this.rows.get(key.slice(0, cut))?.delete(key.slice(cut + 1));
  }
}

const SEPARATOR = '\u0000';

/** Kinds and ids never contain NUL (they are SQLite TEXT keys written by the ports). */
export const keyOf = (kind: string, id: string): string => `${kind}${SEPARATOR}${id}`;
