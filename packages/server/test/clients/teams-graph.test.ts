import assert from 'node:assert/strict';
import { globalAgent } from 'node:https';
import { rootCertificates } from 'node:tls';
import { before, after, describe, it } from 'node:test';
import { communications } from '@microsoft/teams.graph-endpoints';
import { DEMO } from '../../src/world/demo-world.js';
import { joinByMeetingId } from '../e2e/support/bodies.js';
import { useMeetingE2e } from '../e2e/support/meeting-e2e.js';
import { isRoster, waitForNotice, waitForState } from '../e2e/support/notifications.js';
import { teamsGraphClient, teamsGraphDriver } from './drivers/teams-graph.js';
import { runScenario } from './scenario.js';

/**
 * The Teams SDK's Graph client (`@microsoft/teams.graph` 2.x, axios on Node https), with a token
 * from the token service. Axios dials through Node's global https agent, which is given the
 * local CA for the duration of the suite (a bot process would set NODE_EXTRA_CA_CERTS).
 */
describe('clients: Teams SDK teams.graph', () => {
  const { e2e, p } = useMeetingE2e();
  const tokens = () => e2e.graph.token();
  let previousCa: unknown;
  before(() => {
    previousCa = globalAgent.options.ca;
    globalAgent.options.ca = [...rootCertificates, e2e.server.tls.caPem];
  });
  after(() => {
    globalAgent.options.ca = previousCa as typeof globalAgent.options.ca;
  });

  it('runs the whole conformance scenario through client.http', async () => {
    const client = teamsGraphClient(e2e.server.httpsUrl, tokens);
    await runScenario({ driver: teamsGraphDriver('teams.graph', client, tokens), e2e, p });
  });

  it('joins, lists participants, mutes and hangs up through the typed teams.graph-endpoints functions', async () => {
    const client = teamsGraphClient(e2e.server.httpsUrl, tokens);
    const rx = await e2e.receiver();
    const call = await client.call(communications.calls.create, joinByMeetingId(rx.url) as never);
    const callId = String(call.id);
    await waitForState(rx, callId, 'established');
    await waitForNotice(rx, callId, isRoster);
    const alex = await p.join(DEMO.meetings.standup.id, { userId: DEMO.users.alex.id });
    const roster = await client.call(communications.calls.participants.list, { 'call-id': callId });
    assert.ok((roster.value ?? []).some((entry) => entry.id === alex.participantId));
    const muted = await client.call(communications.calls.participants.mute.create, { clientContext: 'typed' }, { 'call-id': callId, 'participant-id': alex.participantId });
    assert.equal(muted?.status, 'completed');
    await client.call(communications.calls.del, { 'call-id': callId });
    await waitForNotice(rx, callId, (n) => n.changeType === 'deleted' && !isRoster(n));
  });
});
