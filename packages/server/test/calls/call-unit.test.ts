import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CallContext } from '../../src/calls/call-context.js';
import { CallUnit } from '../../src/calls/call-unit.js';
import { newOperation } from '../../src/calls/features/feature-operations.js';
import { createOutgoingCall, establishCall } from '../../src/domain/calls/call-leg.js';
import { appParticipant } from '../../src/domain/calls/participants.js';
import { addParticipants, openConference, rosterSnapshot } from '../../src/domain/calls/roster.js';
import type { Call } from '../../src/domain/calls/types.js';
import type { DocumentPort, StoreTx } from '../../src/storage/ports.js';
import { newCall } from '../domain/call-fixtures.js';
import { T0, useCallKit } from './call-kit.js';

const connected = (id: string): Call => establishCall(createOutgoingCall(newCall({ id, conferenceId: 'conf' }), T0).value, T0).value;

describe('call unit of work', () => {
  const kit = useCallKit();

  it('sends roster events to connected legs only, never to one waiting in the lobby', async () => {
    const [inside, waiting, joining] = [connected('inside'), connected('waiting'), createOutgoingCall(newCall({ id: 'joining' }), T0).value];
    const conference = addParticipants(openConference({ id: 'conf', kind: 'meeting', tenantId: 't' }, T0), [
      appParticipant(inside, 'p1', false),
      appParticipant(waiting, 'p2', true),
      appParticipant(joining, 'p3', false),
    ], T0).value;
    await kit().store.transaction(async (tx) => {
      const unit = new CallUnit(tx, kit().notifications);
      for (const call of [inside, waiting, joining]) await unit.putCall(call);
      await unit.emit(rosterSnapshot(conference));
    });
    assert.deepEqual(kit().notifications.sent.map((s) => s.leg), ['inside']);
    // The audience scan hands each leg its own entry, so the notification does not search the roster again.
    assert.deepEqual(kit().notifications.selves, ['inside → p1']);
  });

  it('writes back with the version it read, so a concurrent change fails the commit', async () => {
    const call = connected('c1');
    await kit().store.docs.put('call', call.id, call);
    await assert.rejects(
      kit().store.transaction(async (tx) => {
        const unit = new CallUnit(tx, kit().notifications);
        await unit.call(call.id);
        await tx.docs.put('call', call.id, { ...call, state: 'hold' });
        await unit.putCall({ ...call, state: 'terminating' });
        await unit.flush();
      }),
      /version conflict on call\/c1/,
    );
  });

  it('stores a new operation without reading it first, and never over a stored operation of the same id', async () => {
    const ctx = { newId: () => 'op1' } as CallContext;
    const spec = { callId: 'c1', type: 'muteParticipantOperation', status: 'completed' } as const;
    const reads: string[] = [];
    await kit().store.transaction(async (tx) => {
      const unit = new CallUnit(readsNoted(tx, reads), kit().notifications);
      await newOperation(ctx, unit, spec, T0);
      await unit.flush();
    });
    assert.deepEqual(reads, [], 'a fresh id has nothing to read');
    assert.equal((await kit().store.docs.get('operation', 'op1'))?.version, 1);
    await assert.rejects(
      kit().store.transaction(async (tx) => {
        const unit = new CallUnit(tx, kit().notifications);
        await newOperation(ctx, unit, { ...spec, type: 'unmuteParticipantOperation' }, T0);
        await unit.flush();
      }),
      /version conflict on operation\/op1/,
    );
    assert.equal((await kit().store.docs.get<{ type: string }>('operation', 'op1'))?.data.type, 'muteParticipantOperation');
  });
});

/** The transaction with its document reads (get and getShared) noted as `kind/id`. */
function readsNoted(tx: StoreTx, reads: string[]): StoreTx {
  const docs = tx.docs as DocumentPort & { getShared?: DocumentPort['get'] };
  const noted: DocumentPort = Object.create(docs) as DocumentPort;
  for (const method of ['get', 'getShared'] as const) {
    const read = docs[method];
    if (read) Object.assign(noted, { [method]: (kind: string, id: string) => (reads.push(`${kind}/${id}`), read.call(docs, kind, id)) });
  }
  return { ...tx, docs: noted };
}
