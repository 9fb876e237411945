import type { ChangeFeed } from '../observe/change-feed.js';
import type { DeliveryLogPort, DocumentPort, OutboxPort, Store, StoreTx } from './ports.js';

/**
 * The same store, telling a ChangeFeed what each committed write touched. Writes inside a
 * transaction are published once it commits (never for a rollback); direct writes at once.
 * Costs nothing measurable when nobody watches: the feed is only asked after the write.
 */
export function observeStore(store: Store, feed: ChangeFeed): Store {
  const direct = (topics: string[]): void => feed.publish(topics);
  return intercept(store, {
    docs: observeDocs(store.docs, direct),
    outbox: observeOutbox(store.outbox, direct),
    deliveries: observeDeliveries(store.deliveries, direct),
    transaction: <T>(work: (tx: StoreTx) => Promise<T>) => observedTransaction(store, feed, work),
  });
}

/**
 * `target` with some members replaced; the others are the target's own, methods bound to it
 * (adapters keep private state, so a prototype-chained copy would not do).
 */
function intercept<T extends object>(target: T, overrides: Partial<T>): T {
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(object, key) {
      if (Object.hasOwn(overrides, key)) return overrides[key as keyof T];
      const value: unknown = Reflect.get(object, key, object);
      if (typeof value !== 'function') return value;
      if (!bound.has(key)) bound.set(key, (value as (...args: unknown[]) => unknown).bind(object));
      return bound.get(key);
    },
  });
}

async function observedTransaction<T>(store: Store, feed: ChangeFeed, work: (tx: StoreTx) => Promise<T>): Promise<T> {
  if (!feed.watched) return store.transaction(work);
  const touched = new Set<string>();
  const note = (topics: string[]): void => topics.forEach((topic) => touched.add(topic));
  const result = await store.transaction((tx) =>
    work({ docs: observeDocs(tx.docs, note), outbox: observeOutbox(tx.outbox, note), timers: tx.timers, deliveries: observeDeliveries(tx.deliveries, note) }),
  );
  feed.publish(touched);
  return result;
}

type Note = (topics: string[]) => void;

function observeDocs(docs: DocumentPort, note: Note): DocumentPort {
  return intercept(docs, {
    put: async <T>(kind: string, id: string, data: T, expectedVersion?: number) => {
      const stored = await docs.put(kind, id, data, expectedVersion);
      note([kind]);
      return stored;
    },
    delete: async (kind: string, id: string, expectedVersion?: number) => {
      const deleted = await docs.delete(kind, id, expectedVersion);
      if (deleted) note([kind]);
      return deleted;
    },
  });
}

function observeOutbox(outbox: OutboxPort, note: Note): OutboxPort {
  return intercept(outbox, {
    append: async <T>(messages: { stream: string; payload: T; availableAt?: number }[]) => {
      const seqs = await outbox.append(messages);
      note(['outbox']);
      return seqs;
    },
  });
}

function observeDeliveries(deliveries: DeliveryLogPort, note: Note): DeliveryLogPort {
  return intercept(deliveries, {
    append: async (attempt: Parameters<DeliveryLogPort['append']>[0]) => {
      const id = await deliveries.append(attempt);
      note(['deliveries']);
      return id;
    },
  });
}
