import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import { DomainError } from '../domain/errors/index.js';
import type { Wakeup } from '../runtime/wakeup.js';
import { VersionConflictError, type Store } from '../storage/ports.js';
import type { WorldReader } from '../world/world-reader.js';
import { CallUnit } from './call-unit.js';
import type { LatencyProfile } from './latency.js';
import type { NotificationFactory } from './notification-factory.js';
import type { FaultBook } from '../faults/fault-book.js';

/** What CallService and PeopleService are built from (the composition root provides it). */
export interface CallServiceDeps {
  store: Store;
  clock: Clock;
  world: WorldReader;
  notifications: NotificationFactory;
  latency: LatencyProfile;
  wake: { outbox: Wakeup; timers: Wakeup };
  /** The callback URL policy (notify/): throws a DomainError for a URL callbacks may not go to. */
  checkCallbackUri(url: string): void;
  /** Fresh ids for calls, conferences and participants (default: random v4 GUIDs). */
  newId?: () => string;
  /** Call fault rules (issue 6), asked when a leg becomes established; none when absent. */
  faults?: Pick<FaultBook, 'callFaults'>;
}

export type CallContext = Omit<CallServiceDeps, 'newId'> & { newId: () => string };

export function callContext(deps: CallServiceDeps): CallContext {
  return { ...deps, newId: deps.newId ?? randomUUID };
}

/**
 * A use case that lost an optimistic-concurrency race (another request, often on another node,
 * changed the same conference first) is run again from fresh reads this many times in all
 * before the caller gets 409 versionConflict. Each attempt rebuilds its state from the store, so
 * rerunning is safe; three covers the bursts the multi-node load test produces.
 */
const CONFLICT_ATTEMPTS = 3;

/**
 * Runs one use case as one store transaction: documents, outbox messages and timers commit
 * together or not at all. After the commit the background workers are nudged, so notifications
 * and timers due now go out without waiting for the next poll.
 */
export async function inCallTx<T>(ctx: CallContext, work: (unit: CallUnit) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runCallTx(ctx, work);
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      if (attempt >= CONFLICT_ATTEMPTS) throw new DomainError('versionConflict');
    }
  }
}

async function runCallTx<T>(ctx: CallContext, work: (unit: CallUnit) => Promise<T>): Promise<T> {
  const { result, unit } = await ctx.store.transaction(async (tx) => {
    const unit = new CallUnit(tx, ctx.notifications);
    const result = await work(unit);
    await unit.flush();
    return { result, unit };
  });
  if (unit.touchedOutbox) ctx.wake.outbox.notify();
  if (unit.touchedTimers) ctx.wake.timers.notify();
  return result;
}
