import type { DocumentPort, StoredDoc } from '../ports.js';

/**
 * An optional capability of a DocumentPort (the memory store has it): a read whose data is the
 * store's own frozen value, not a private copy, so it costs nothing however large the document
 * is. Writing that value back, changed or not, is fine; mutating it throws (it is frozen).
 */
export interface SharedReads {
  getShared<T>(kind: string, id: string): Promise<StoredDoc<T> | undefined>;
}

/**
 * For readers that treat documents as immutable values (the call units): a shared read where the
 * port offers one, an ordinary (copying) read elsewhere. The method is looked up once per read:
 * ports are often Proxies (observed store), where every property access runs a trap.
 */
export function readShared<T>(docs: DocumentPort, kind: string, id: string): Promise<StoredDoc<T> | undefined> {
  const getShared = (docs as Partial<SharedReads>).getShared;
  return typeof getShared === 'function' ? (getShared.call(docs, kind, id) as Promise<StoredDoc<T> | undefined>) : docs.get<T>(kind, id);
}
