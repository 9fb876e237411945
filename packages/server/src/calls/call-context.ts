import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import { DomainError } from '../domain/errors/index.js';
import type { Wakeup } from '../runtime/wakeup.js';
import { VersionConflictError, type Store } from '../storage/ports.js';
import type { WorldReader } from '../world/world-reader.js';
import { CallUnit } from './call-unit.js';
import type { LatencyProfile } from './latency.js';
import type { NotificationFactory } from './notification-factory.js';

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
}

export type CallContext = Omit<CallServiceDeps, 'newId'> & { newId: () => string };

export function callContext(deps: CallServiceDeps): CallContext {
  return { ...deps, newId: deps.newId ?? randomUUID };
}

/**
 * Runs one use case as one store transaction: documents, outbox messages and timers commit
 * together or not at all. After the commit the background workers are nudged, so notifications
 * and timers due now go out without waiting for the next poll.
 */
export async function inCallTx<T>(ctx: CallContext, work: (unit: CallUnit) => Promise<T>): Promise<T> {
  try {
    const { result, unit } = await ctx.store.transaction(async (tx) => {
      const unit = new CallUnit(tx, ctx.notifications);
      const result = await work(unit);
      await unit.flush();
      return { result, unit };
    });
    if (unit.touchedOutbox) ctx.wake.outbox.notify();
    if (unit.touchedTimers) ctx.wake.timers.notify();
    return result;
  } catch (error) {
    if (error instanceof VersionConflictError) throw new DomainError('versionConflict');
    throw error;
  }
}
