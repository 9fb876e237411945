const DELETED = Symbol('deleted');

/**
 * One transaction's writes to a committed map: reads go through to the committed entries,
 * writes stay here until apply(), which commit calls. A transaction costs what it writes, not
 * the size of the maps it touches (copying a map on its first write cost O(map) per transaction,
 * so every call's transaction got slower as calls accumulated).
 */
export class OverlayMap<K, V> implements ReadonlyMap<K, V> {
  private readonly changes = new Map<K, V | typeof DELETED>();

  constructor(private readonly base: ReadonlyMap<K, V>) {}

  get(key: K): V | undefined {
    if (!this.changes.has(key)) return this.base.get(key);
    const changed = this.changes.get(key);
    return changed === DELETED ? undefined : changed;
  }

  has(key: K): boolean {
    return this.changes.has(key) ? this.changes.get(key) !== DELETED : this.base.has(key);
  }

  set(key: K, value: V): this {
    this.changes.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    const existed = this.has(key);
    if (existed) this.changes.set(key, DELETED);
    return existed;
  }

  clear(): void {
    for (const key of [...this.keys()]) this.changes.set(key, DELETED);
  }

  get size(): number {
    let count = 0;
    for (const _ of this.keys()) count++;
    return count;
  }

  /** Committed order, then new keys in insertion order: the order one Map written in place would have. */
  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      const changed = this.changes.has(key) ? this.changes.get(key) : value;
      if (changed !== DELETED) yield [key, changed as V];
    }
    for (const [key, changed] of this.changes) if (changed !== DELETED && !this.base.has(key)) yield [key, changed];
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }

  /** Writes the changes into `target` (the committed map this overlays), in place. */
  apply(target: Map<K, V>): void {
    for (const [key, changed] of this.changes) {
      if (changed === DELETED) target.delete(key);
      else target.set(key, changed);
    }
  }
}
