import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultRuleInput } from '../../src/faults/fault-rule.js';
import { DEMO } from '../../src/world/demo-world.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { joinByMeetingId } from './support/bodies.js';
import { startE2e } from './support/harness.js';
import { useMeetingE2e } from './support/meeting-e2e.js';
import { people } from './support/people.js';
import { describeNotice, isRoster, notificationsFor, waitForNotice, waitForState } from './support/notifications.js';

/**
 * Every callback fault kind as a bot sees it (issue 6): a real server, a bot-side receiver that
 * validates each token, and the delivery log showing what was faulted. Rules are added through
 * the fault book the server runs with; each test clears them.
 */
describe('e2e: callback faults observed by the bot', () => {
  const { e2e, p } = useMeetingE2e();
  const faults = () => e2e.server.deps.services.faults;
  afterEach(() => faults().clear());

  const join = async (rx: WebhookReceiver): Promise<string> => {
    const created = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
    assert.equal(created.status, 201, created.raw);
    return String(created.body.id);
  };
  const onEstablished = (action: string, extra: Partial<FaultRuleInput> = {}): Promise<unknown> =>
    faults().add({ kind: 'callback', match: { appId: DEMO.appId, state: 'established' }, action, ...extra } as FaultRuleInput);
  const callStates = (rx: WebhookReceiver, callId: string) => notificationsFor(rx, callId).filter((n) => !isRoster(n)).map(describeNotice);

  it('drop: the bot never gets the notification; the log says dropped', async () => {
    await onEstablished('drop');
    const rx = await e2e.receiver();
    const callId = await join(rx);
    await waitForNotice(rx, callId, (n) => isRoster(n));
    assert.deepEqual(callStates(rx, callId), ['updated establishing']);
    const log = await p.deliveries(callId);
    const dropped = log.filter((entry) => entry.outcome === ('dropped' as string));
    assert.equal(dropped.length, 1);
    assert.match(dropped[0]!.summary, /call established \[fault drop; rule /);
    assert.deepEqual(dropped[0]!.jwtClaims, {}, 'nothing was signed: nothing was sent');
  });

  it('duplicate: the bot gets the same notification twice, each POST logged', async () => {
    await onEstablished('duplicate');
    const rx = await e2e.receiver();
    const callId = await join(rx);
    await waitForNotice(rx, callId, (n) => isRoster(n));
    assert.deepEqual(callStates(rx, callId), ['updated establishing', 'updated established', 'updated established']);
    const twice = notificationsFor(rx, callId).filter((n) => n.state === 'established');
    assert.equal(twice[0]!.callback.raw, twice[1]!.callback.raw, 'the same body');
    assert.notEqual(twice[0]!.callback.headers['request-id'], twice[1]!.callback.headers['request-id']);
    const logged = (await p.deliveries(callId)).filter((entry) => entry.summary.includes('[fault duplicate'));
    assert.deepEqual(logged.map((entry) => entry.outcome), ['delivered', 'delivered']);
  });

  it('delay: the notification and the rest of its call wait delayMs', async () => {
    await onEstablished('delay', { delayMs: 400 });
    const rx = await e2e.receiver();
    const callId = await join(rx);
    const establishing = await waitForState(rx, callId, 'establishing');
    const startedAt = Date.now();
    await waitForState(rx, callId, 'established');
    assert.ok(Date.now() - startedAt >= 300, `held ${Date.now() - startedAt} ms`);
    await waitForNotice(rx, callId, (n) => isRoster(n));
    assert.deepEqual(callStates(rx, callId), ['updated establishing', 'updated established']);
    assert.equal(notificationsFor(rx, callId)[0]?.callback, establishing.callback);
    assert.ok(isRoster(notificationsFor(rx, callId)[2]!), 'the roster waited behind the held notification');
  });

  it('reorder: established arrives before establishing (the race Graph warns about)', async () => {
    await faults().add({ kind: 'callback', match: { appId: DEMO.appId, state: 'establishing' }, action: 'reorder' });
    const rx = await e2e.receiver();
    const callId = await join(rx);
    await waitForState(rx, callId, 'establishing');
    assert.deepEqual(callStates(rx, callId), ['updated established', 'updated establishing']);
    await e2e.server.workers.dispatcher.drained();
    const outcomes = (await p.deliveries(callId)).map((entry) => entry.outcome);
    assert.ok(outcomes.includes('reordered' as never), outcomes.join());
  });

  it('fail: the bot "answers" the status, the normal retry policy sends it again', async () => {
    await onEstablished('fail', { status: 503, trigger: { times: 1 } });
    const rx = await e2e.receiver();
    const callId = await join(rx);
    await waitForState(rx, callId, 'established', 8000);
    // The log row of an attempt is written after its POST returns: let the dispatcher finish.
    await e2e.server.workers.dispatcher.drained();
    const attempts = (await p.deliveries(callId)).filter((entry) => entry.summary.startsWith('call established'));
    assert.deepEqual(attempts.map((entry) => [entry.attempt, entry.status, entry.outcome]), [[1, 503, 'retrying'], [2, 202, 'delivered']]);
    assert.equal(notificationsFor(rx, callId).filter((n) => n.state === 'established').length, 1, 'the failed attempt reached nobody');
  });

  it('slow: the POST leaves late, the latency shows it', async () => {
    await onEstablished('slow', { delayMs: 250 });
    const rx = await e2e.receiver();
    const callId = await join(rx);
    await waitForState(rx, callId, 'established');
    await e2e.server.workers.dispatcher.drained();
    const [slow] = (await p.deliveries(callId)).filter((entry) => entry.summary.includes('[fault slow'));
    assert.equal(slow?.outcome, 'delivered');
    assert.ok((slow?.latencyMs ?? 0) >= 250, `latency ${slow?.latencyMs}`);
  });
});

/**
 * Determinism (issue 6): the same fault seed, rules and scenario give the same faulted sequence.
 * A `rate` rule drops about half of the roster removals; two fresh servers drop the same ones.
 */
describe('e2e: seeded callback faults are reproducible', () => {
  const LEAVES = 8;
  const USERS = [DEMO.users.alex, DEMO.users.megan, DEMO.users.lynne, DEMO.users.diego];

  async function faultedSequence(): Promise<string[]> {
    const e2e = await startE2e();
    try {
      const p = people(e2e.control);
      await e2e.control.expect(200, 'PUT', '/faults/seed', { seed: 4242 });
      await e2e.control.expect(201, 'POST', '/faults', { kind: 'callback', match: { resource: 'participants', changeType: 'deleted' }, trigger: { rate: 0.5 }, action: 'drop' });
      const rx = await e2e.receiver();
      const created = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
      const callId = String(created.body.id);
      await waitForNotice(rx, callId, (n) => isRoster(n));
      for (let i = 0; i < LEAVES; i++) {
        const person = await p.join(DEMO.meetings.standup.id, { userId: USERS[i % USERS.length]!.id });
        await waitForNotice(rx, callId, (n) => isRoster(n) && n.changeType === 'updated' && n.participants?.some((x) => x.id === person.participantId) === true);
        await p.leave(person);
      }
      const removals = async () => (await p.deliveries(callId)).filter((entry) => entry.summary.startsWith('roster removed'));
      for (let waited = 0; (await removals()).length < LEAVES && waited < 5000; waited += 50) await sleep(50);
      return (await removals()).map((entry) => entry.outcome);
    } finally {
      await e2e.close();
    }
  }

  it('drops the same notifications on two fresh servers with the same seed', async () => {
    const first = await faultedSequence();
    const second = await faultedSequence();
    assert.equal(first.length, LEAVES);
    assert.deepEqual(second, first);
    assert.ok(first.includes('dropped') && first.includes('delivered'), `a rate of 0.5 should drop some and keep some: ${first.join()}`);
  });
});
