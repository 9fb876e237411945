import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { answerBody, joinByJoinUrl, joinByMeetingId } from './support/bodies.js';
import type { E2e, HttpResult, Json } from './support/harness.js';
import { waitForDeleted, waitForState } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const { standup: STANDUP, partnerSync: PARTNER_SYNC } = DEMO.meetings;

interface GraphError {
  error: { code: string; message: string; innerError: Record<string, string> };
}

/** A Graph error envelope (BEHAVIOR.md §9) with this status and code. */
function assertGraphError(result: HttpResult<GraphError>, status: number, code: string, message?: RegExp): void {
  assert.equal(result.status, status, result.raw);
  assert.match(String(result.headers['content-type']), /^application\/json/);
  const { error } = result.body;
  assert.equal(error.code, code, result.raw);
  assert.equal(typeof error.message, 'string');
  if (message) assert.match(error.message, message);
  assert.match(error.innerError.date ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.match(error.innerError['request-id'] ?? '', /^[0-9a-f-]{36}$/);
  assert.ok(error.innerError['client-request-id']);
}

/** Bad requests over real HTTPS get the documented (or Graph-observed) errors, and create nothing. */
describe('e2e: bad requests', () => {
  const { e2e } = useMeetingE2e({ endMeetingsAfter: 'all' });
  let rx: WebhookReceiver;
  before(async () => {
    rx = await e2e.receiver();
  });

  const create = (body: unknown, options?: Parameters<E2e['graph']['request']>[3]) => e2e.graph.request<GraphError>('POST', '/communications/calls', body, options);

  it('missing mediaConfig: 400 8523', async () => {
    const { mediaConfig: _dropped, ...body } = joinByMeetingId(rx.url);
    assertGraphError(await create(body), 400, '8523', /^Missing mediaConfig information\.$/);
  });

  it('unknown meeting: 404', async () => {
    const body = joinByMeetingId(rx.url, STANDUP, { meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: '999999999999', passcode: 'x' } });
    assertGraphError(await create(body), 404, 'NotFound', /999999999999/);
    const unknownThread = joinByJoinUrl(rx.url, STANDUP.joinWebUrl, { chatInfo: { '@odata.type': '#microsoft.graph.chatInfo', threadId: '19:meeting_unknown@thread.v2', messageId: '0' } });
    assertGraphError(await create(unknownThread), 404, 'NotFound');
  });

  it('wrong or missing passcode: 400', async () => {
    const wrong = joinByMeetingId(rx.url, STANDUP, { meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: STANDUP.joinMeetingId, passcode: 'wrong' } });
    assertGraphError(await create(wrong), 400, 'BadRequest', /passcode .* is wrong/);
    const missing = joinByMeetingId(rx.url, STANDUP, { meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', joinMeetingId: STANDUP.joinMeetingId } });
    assertGraphError(await create(missing), 400, 'BadRequest', /passcode .* is missing/);
  });

  it('unknown @odata.type: 400', async () => {
    assertGraphError(await create(joinByMeetingId(rx.url, STANDUP, { '@odata.type': '#microsoft.graph.notACall' })), 400, 'BadRequest', /'microsoft\.graph\.notACall' could not be resolved/);
    const media = joinByMeetingId(rx.url, STANDUP, { mediaConfig: { '@odata.type': '#microsoft.graph.cloudHostedMediaConfig' } });
    assertGraphError(await create(media), 400, 'BadRequest', /could not be resolved/);
  });

  it('an app consented only Calls.Initiate.All joining a meeting: 403 7504', async () => {
    assertGraphError(await create(joinByMeetingId(rx.url), { appId: DEMO.limitedAppId }), 403, '7504', /Insufficient enterprise tenant permissions/);
  });

  it('a Contoso token joining the Fabrikam meeting, where the app has no consent: 403 7505', async () => {
    assertGraphError(await create(joinByMeetingId(rx.url, PARTNER_SYNC)), 403, '7505', /^Request authorization tenant mismatch\.$/);
    assertGraphError(await create(joinByJoinUrl(rx.url, PARTNER_SYNC.joinWebUrl)), 403, '7505');
    // The body's tenantId names another tenant than the meeting's.
    assertGraphError(await create(joinByMeetingId(rx.url, STANDUP, { tenantId: DEMO.fabrikamTenantId })), 403, '7505');
  });

  it('a callbackUri the SSRF guard does not allow: 400 naming --callback-host', async () => {
    assertGraphError(await create(joinByMeetingId('http://example.com/callback')), 400, 'BadRequest', /--callback-host example\.com/);
    assertGraphError(await create(joinByMeetingId('https://169.254.169.254/latest')), 400, 'BadRequest', /not allowed/);
    assertGraphError(await create(joinByMeetingId('ftp://127.0.0.1/callback')), 400, 'BadRequest', /is not valid/);
  });

  it('none of the refused requests created a call', async () => {
    const legs = await e2e.control.expect<{ value: Json[] }>(200, 'GET', '/calls');
    assert.deepEqual(legs.value, []);
    assert.deepEqual(rx.received, []);
  });

  it('answer on a call that is not ringing: 400; unknown call: 404 8522; without a token: 401', async () => {
    const created = await create(joinByMeetingId(rx.url));
    assert.equal(created.status, 201, created.raw);
    const callId = String((created.body as unknown as Json).id);
    await waitForState(rx, callId, 'established');
    assertGraphError(await e2e.graph.request('POST', `/communications/calls/${callId}/answer`, answerBody()), 400, 'BadRequest', /only an incoming call/);

    const unknown = '2e1a0b00-2db4-4022-9570-243709c565ab';
    assertGraphError(await e2e.graph.request('GET', `/communications/calls/${unknown}`), 404, '8522', /^Call not found\.$/);
    assertGraphError(await e2e.graph.request('POST', `/communications/calls/${unknown}/keepAlive`), 404, '8522');
    assertGraphError(await e2e.graph.request('POST', `/communications/calls/${unknown}/answer`, answerBody()), 404, '8522');
    // Another app's call answers like an unknown one.
    assertGraphError(await e2e.graph.request('GET', `/communications/calls/${callId}`, undefined, { appId: DEMO.limitedAppId }), 404, '8522');

    const anonymous = await e2e.graph.request<GraphError>('GET', `/communications/calls/${callId}`, undefined, { token: 'not-a-token' });
    assert.equal(anonymous.status, 401);
    assert.match(String(anonymous.headers['www-authenticate']), /^Bearer /);

    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${callId}`)).status, 204);
    await waitForDeleted(rx, callId);
  });
});
