/**
 * The behaviour every Store adapter must have, written only against the port API (plus the shared
 * error classes) so a new backend proves itself by running it:
 *
 *   runStoreContract('postgres', async () => ({ store, clock, cleanup }), { skip: reason });
 */
import { afterEach, beforeEach, describe } from 'node:test';
import { concurrencyContract } from './contract/concurrency.js';
import { deliveryContract } from './contract/deliveries.js';
import { documentContract } from './contract/documents.js';
import type { StoreFixture } from './contract/fixture.js';
import { outboxContract } from './contract/outbox.js';
import { snapshotContract } from './contract/snapshot.js';
import { timerContract } from './contract/timers.js';
import { transactionContract } from './contract/transactions.js';

export type { StoreFixture } from './contract/fixture.js';

export function runStoreContract(
  name: string,
  newStore: () => Promise<StoreFixture>,
  options: { skip?: string } = {},
): void {
  describe(`${name} store contract`, { skip: options.skip ?? false }, () => {
    let fixture: StoreFixture | undefined;
    const current = (): StoreFixture => {
      if (!fixture) throw new Error('contract: no store (beforeEach failed?)');
      return fixture;
    };
    beforeEach(async () => {
      fixture = await newStore();
    });
    afterEach(async () => {
      await fixture?.cleanup();
      fixture = undefined;
    });
    documentContract(current);
    outboxContract(current);
    timerContract(current);
    transactionContract(current);
    deliveryContract(current);
    concurrencyContract(current);
    snapshotContract(current);
  });
}
