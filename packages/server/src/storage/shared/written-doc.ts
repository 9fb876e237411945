import type { StoredDoc } from '../ports.js';

/**
 * What put() returns: its data is a private copy like any read's, made only when asked for. The
 * call units never look at it, so a write does not decode (or copy) the document it just stored.
 * Every adapter returns this, so they differ in nothing a caller can see.
 */
export function writtenDoc<T>(kind: string, id: string, version: number, updatedAt: number, copy: () => T): StoredDoc<T> {
  let made: { data: T } | undefined;
  return {
    kind,
    id,
    version,
    get data(): T {
      made ??= { data: copy() };
      return made.data;
    },
    set data(data: T) {
      made = { data };
    },
    updatedAt,
  };
}
