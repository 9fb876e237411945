import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { ManualClock } from '../../src/domain/clock.js';
import type { ClockView } from '../../src/runtime/time-control.js';
import { StateService } from '../../src/state/state-service.js';
import { openStore } from '../../src/storage/open-store.js';
import type { NewDeliveryAttempt, Store } from '../../src/storage/ports.js';

const T0 = Date.parse('2026-11-28T12:00:00Z');

/** A store and a state service over a hand-driven clock; the time line is kept in a variable. */
async function kit(): Promise<{ store: Store; state: StateService; clock: ManualClock; replaced: () => number }> {
  const clock = new ManualClock(T0);
  const store = await openStore({ inMemory: true, dataDir: '.unused', clock });
  let view: ClockView = { now: T0, iso: '', scale: 1, paused: false };
  let replaced = 0;
  const time = {
    now: () => clock.now(),
    view: () => ({ ...view, now: clock.now() }),
    continueAt: async (next: Omit<ClockView, 'iso'>) => {
      clock.set(next.now);
      view = { ...next, iso: new Date(next.now).toISOString() };
      return view;
    },
  };
  const seedWorld = (inReset: Store) => inReset.docs.put('tenant', 'seeded', { name: 'demo' });
  const state = new StateService({ store, time, seedWorld, afterReplace: async () => void replaced++ });
  return { store, state, clock, replaced: () => replaced };
}

const attempt: NewDeliveryAttempt = { seq: 1, callId: 'c1', appId: 'a', tenantId: 't', url: 'https://bot/cb', attempt: 1, at: T0, outcome: 'delivered', summary: 's', payload: {}, jwtClaims: {} };

describe('state service', () => {
  const stores: Store[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });

  it('exports documents, timers and pending callbacks, leaving out the node kinds', async () => {
    const { store, state } = await kit();
    stores.push(store);
    await store.docs.put('call', 'c1', { state: 'established' });
    await store.docs.put('clock', 'clock', { node: true });
    await store.docs.put('faultBook', 'node', { rules: [] });
    await store.timers.set('keepAlive:c1', T0 + 1000, { callId: 'c1' });
    await store.outbox.append([{ stream: 'c1', payload: { n: 1 } }, { stream: 'c1', payload: { n: 2 } }]);
    await store.deliveries.append(attempt);
    const file = await state.exportState();
    assert.deepEqual(file.documents, [{ kind: 'call', id: 'c1', data: { state: 'established' } }]);
    assert.deepEqual(file.timers, [{ key: 'keepAlive:c1', dueAt: T0 + 1000, payload: { callId: 'c1' } }]);
    assert.deepEqual(file.outbox.map((m) => m.payload), [{ n: 1 }, { n: 2 }]);
    assert.equal(file.deliveries, undefined, 'the delivery log only when asked for');
    assert.equal((await state.exportState({ deliveries: true })).deliveries?.length, 1);
  });

  it('imports into another store: same state, callbacks in order, the clock continued, node kinds kept', async () => {
    const source = await kit();
    const target = await kit();
    stores.push(source.store, target.store);
    await source.store.docs.put('call', 'c1', { state: 'established' });
    await source.store.outbox.append([{ stream: 'c1', payload: { n: 1 } }, { stream: 'c1', payload: { n: 2 }, availableAt: T0 + 5 }]);
    await source.store.deliveries.append(attempt);
    source.clock.advance(60_000);
    const file = await source.state.exportState({ deliveries: true });
    await target.store.docs.put('call', 'old', {});
    await target.store.docs.put('faultBook', 'node', { rules: ['kept'] });
    await target.store.timers.set('old', T0, {});
    const report = await target.state.importState(JSON.parse(JSON.stringify(file)));
    assert.deepEqual([report.documents, report.timers, report.outbox, report.deliveries], [1, 0, 2, 1]);
    assert.deepEqual((await target.store.docs.list('call')).map((d) => d.id), ['c1']);
    assert.deepEqual((await target.store.docs.get('faultBook', 'node'))?.data, { rules: ['kept'] });
    assert.deepEqual(await target.store.timers.list(), []);
    const pending = await target.store.outbox.pending<{ n: number }>();
    assert.deepEqual(pending.map((m) => [m.payload.n, m.availableAt]), [[1, T0], [2, T0 + 5]]);
    assert.equal(target.clock.now(), T0 + 60_000, 'the clock continues from the export');
    assert.equal(target.replaced(), 1, 'caches reloaded and workers woken');
  });

  it('changes nothing when the file is refused', async () => {
    const { store, state } = await kit();
    stores.push(store);
    await store.docs.put('call', 'c1', {});
    await assert.rejects(state.importState({ format: 'switchboard-export', version: 1 }), /not a Switchboard export/);
    assert.equal((await store.docs.list('call')).length, 1);
  });

  it('resets to the seeded world, keeping signing keys and node kinds', async () => {
    const { store, state } = await kit();
    stores.push(store);
    await store.docs.put('call', 'c1', {});
    await store.docs.put('signing-key', 'k1', {});
    await store.docs.put('clock', 'clock', {});
    await store.timers.set('t', T0, {});
    await store.outbox.append([{ stream: 's', payload: 1 }]);
    await store.deliveries.append(attempt);
    const report = await state.reset();
    assert.deepEqual(await store.docs.kinds(), ['clock', 'signing-key', 'tenant']);
    assert.deepEqual([report.timers, (await store.outbox.pending()).length, (await store.deliveries.list()).length], [0, 0, 0]);
  });

  it('gives every imported conference a new roster stamp, so no node serves a cached roster for edited entries', async () => {
    const { store, state } = await kit();
    stores.push(store);
    await store.docs.put('conference', 'conf', { id: 'conf', rosterStamp: 'old', nextPosition: 1 });
    await store.docs.put('roster-entry', 'conf/a', { position: 0, participant: { id: 'a' } });
    await state.importState(await state.exportState());
    const header = (await store.docs.get<{ rosterStamp: string; nextPosition: number }>('conference', 'conf'))?.data;
    assert.notEqual(header?.rosterStamp, 'old');
    assert.equal(header?.nextPosition, 1);
    assert.deepEqual((await store.docs.get('roster-entry', 'conf/a'))?.data, { position: 0, participant: { id: 'a' } });
  });
});
