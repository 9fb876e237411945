import type { ClaimOptions, DeliveryLogPort, OutboxPort, StoreTx, TimerPort } from '../ports.js';

type Run = <T>(work: (tx: StoreTx) => Promise<T>) => Promise<T>;

/**
 * The store's direct writes that are always exactly one statement (claims, completions, timer
 * writes, delivery-log rows) run through `single`: the same queue and reruns as a transaction,
 * but without BEGIN and COMMIT, as PostgreSQL runs a lone statement atomically in a transaction
 * of its own. The dispatcher's claims and the timer poller's are most of a node's direct writes:
 * two round trips fewer each. Puts, deletes and appends can take several statements (a conflict,
 * several streams) and keep their transaction.
 */
export function singleStatementPorts(auto: StoreTx, single: Run): StoreTx {
  return { docs: auto.docs, outbox: outbox(auto.outbox, single), timers: timers(auto.timers, single), deliveries: deliveries(auto.deliveries, single) };
}

function outbox(auto: OutboxPort, single: Run): OutboxPort {
  return {
    append: (messages) => auto.append(messages),
    claim: <T>(options: ClaimOptions) => single((tx) => tx.outbox.claim<T>(options)),
    complete: (seq, owner) => single((tx) => tx.outbox.complete(seq, owner)),
    reschedule: (seq, owner, availableAt, lastError) => single((tx) => tx.outbox.reschedule(seq, owner, availableAt, lastError)),
    pending: <T>(stream?: string) => auto.pending<T>(stream),
    clear: () => single((tx) => tx.outbox.clear()),
  };
}

function timers(auto: TimerPort, single: Run): TimerPort {
  return {
    set: <T>(key: string, dueAt: number, payload: T) => single((tx) => tx.timers.set(key, dueAt, payload)),
    cancel: (key) => single((tx) => tx.timers.cancel(key)),
    get: <T>(key: string) => auto.get<T>(key),
    claimDue: <T>(options: ClaimOptions) => single((tx) => tx.timers.claimDue<T>(options)),
    complete: (key, owner) => single((tx) => tx.timers.complete(key, owner)),
    list: <T>() => auto.list<T>(),
  };
}

function deliveries(auto: DeliveryLogPort, single: Run): DeliveryLogPort {
  return {
    append: (attempt) => single((tx) => tx.deliveries.append(attempt)),
    get: (id) => auto.get(id),
    list: (filter) => auto.list(filter),
    prune: (keep) => single((tx) => tx.deliveries.prune(keep)),
  };
}
