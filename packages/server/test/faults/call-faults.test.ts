import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { END_REASONS } from '../../src/domain/calls/end-reasons.js';
import { CALL_FAULTS, callFault } from '../../src/faults/call-fault-catalog.js';
import { DEMO } from '../../src/world/demo-world.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { joinByMeetingId } from '../e2e/support/bodies.js';
import { useMeetingE2e } from '../e2e/support/meeting-e2e.js';
import { isRoster, waitForDeleted, waitForNotice, waitForState } from '../e2e/support/notifications.js';

/** Code/subcode pairs of Graph's call end reason table, derived into the repo (fixtures/). */
const TABLE = (JSON.parse(readFileSync(new URL('./fixtures/call-end-reason-codes.json', import.meta.url), 'utf8')) as { pairs: { code: number; subcode: string }[] }).pairs;
/** A notification's resultInfo without its @odata.type, to compare with a catalogue entry. */
const result = (info: unknown) => {
  const { '@odata.type': type, ...rest } = (info ?? {}) as Record<string, unknown>;
  assert.equal(type, '#microsoft.graph.resultInfo');
  return rest;
};
const inTable = ({ code, subcode }: { code: number; subcode: number }) => TABLE.some((row) => row.code === code && row.subcode.split('/').includes(String(subcode)));

describe('call fault catalogue', () => {
  it('names every fault once, each with a documented code/subcode taken from END_REASONS', () => {
    assert.equal(new Set(CALL_FAULTS.map((fault) => fault.name)).size, CALL_FAULTS.length);
    for (const fault of CALL_FAULTS) {
      assert.deepEqual(fault.resultInfo, END_REASONS[fault.reason], fault.name);
      assert.ok(inTable(fault.resultInfo), `${fault.name}: ${fault.resultInfo.code}/${fault.resultInfo.subcode} is not in the table`);
      assert.ok(fault.description.length > 10, fault.name);
    }
  });

  it('has the faults issue 6 asks for, with their documented codes', () => {
    const codes = Object.fromEntries(CALL_FAULTS.map((fault) => [fault.name, `${fault.resultInfo.code}/${fault.resultInfo.subcode}`]));
    assert.deepEqual(
      { ...codes, extra: undefined },
      {
        ...codes,
        meetingEnded: '200/5003', botRemoved: '200/5300', mediaConnectivityLost: '410/301005', lobbyTimeout: '200/5855',
        keepAliveTimeout: '408/8537', mediaServerError: '500/1005', calleeUnreachable: '480/10076', allOthersLeft: '200/5002', extra: undefined,
      },
    );
    assert.equal(callFault('MEDIACONNECTIVITYLOST')?.name, 'mediaConnectivityLost', 'names are matched case-insensitively');
  });
});

describe('call faults on live calls', () => {
  const { e2e, p } = useMeetingE2e();
  const join = async (rx: WebhookReceiver): Promise<string> => {
    const created = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
    assert.equal(created.status, 201, created.raw);
    const callId = String(created.body.id);
    await waitForState(rx, callId, 'established');
    return callId;
  };
  const inject = (callId: string, name: string) => e2e.control.request('POST', `/calls/${callId}/faults/${name}`);

  it('ends the leg with the catalogue resultInfo, for every leg fault', async () => {
    const rx = await e2e.receiver();
    for (const fault of CALL_FAULTS.filter((entry) => entry.scope === 'leg' && !entry.requires)) {
      const callId = await join(rx);
      const answer = await inject(callId, fault.name);
      assert.equal(answer.status, 200, answer.raw);
      assert.deepEqual(answer.body, { callId, fault: fault.name, resultInfo: fault.resultInfo, scope: 'leg' });
      const deleted = await waitForDeleted(rx, callId);
      assert.deepEqual(result(deleted.resultInfo), { ...fault.resultInfo }, fault.name);
      assert.equal(deleted.state, 'terminated');
    }
  });

  it('botRemoved: the other bot in the meeting sees the removed bot leave the roster', async () => {
    const [rxA, rxB] = [await e2e.receiver(), await e2e.receiver()];
    const [a, b] = [await join(rxA), await join(rxB)];
    const me = String((await e2e.graph.request('GET', `/communications/calls/${a}`)).body.myParticipantId);
    await inject(a, 'botRemoved');
    assert.deepEqual(result((await waitForDeleted(rxA, a)).resultInfo), { ...END_REASONS.removedByOrganizer });
    const left = await waitForNotice(rxB, b, (n) => isRoster(n) && n.changeType === 'deleted');
    assert.deepEqual(left.participants?.map((x) => x.id), [me]);
  });

  it('meetingEnded: every bot in the meeting gets its own terminated notification (200/5003)', async () => {
    const [rxA, rxB] = [await e2e.receiver(), await e2e.receiver()];
    const [a, b] = [await join(rxA), await join(rxB)];
    const answer = await inject(a, 'meetingEnded');
    assert.equal(answer.body.scope, 'conference');
    assert.deepEqual(result((await waitForDeleted(rxA, a)).resultInfo), { ...END_REASONS.meetingEnded });
    assert.deepEqual(result((await waitForDeleted(rxB, b)).resultInfo), { ...END_REASONS.meetingEnded });
    assert.equal((await p.roster(DEMO.meetings.standup.id)).participants.length, 0);
  });

  it('refuses an unknown fault (404), an ended call (409) and a lobby timeout outside the lobby (409)', async () => {
    const rx = await e2e.receiver();
    const callId = await join(rx);
    assert.equal((await inject(callId, 'lightningStrike')).status, 404);
    assert.equal((await inject(callId, 'lobbyTimeout')).status, 409);
    assert.equal((await inject('7c1f3a52-0000-4000-8000-000000000000', 'botRemoved')).status, 404);
    await inject(callId, 'mediaConnectivityLost');
    await waitForDeleted(rx, callId);
    const again = await inject(callId, 'mediaConnectivityLost');
    assert.equal(again.status, 409, again.raw);
  });

  it('a call rule added with POST /_switchboard/faults strikes the matching leg afterMs after it is established', async () => {
    const rule = await e2e.control.request('POST', '/faults', { kind: 'call', match: { appId: DEMO.appId, meetingId: DEMO.meetings.standup.id }, trigger: { times: 1 }, fault: 'mediaConnectivityLost', afterMs: 200 });
    assert.equal(rule.status, 201, rule.raw);
    try {
      const rx = await e2e.receiver();
      const callId = await join(rx);
      const due = await e2e.server.deps.store.timers.get(`call:${callId}:callFault:mediaConnectivityLost`);
      assert.ok(due, 'the fault is a durable timer');
      assert.deepEqual(result((await waitForDeleted(rx, callId)).resultInfo), { ...END_REASONS.mediaConnectivityLost });
      const second = await join(rx);
      assert.equal(await e2e.server.deps.store.timers.get(`call:${second}:callFault:mediaConnectivityLost`), undefined, 'times: 1');
    } finally {
      await e2e.control.request('DELETE', '/faults');
    }
  });
});
