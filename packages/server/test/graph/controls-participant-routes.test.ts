import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildControlsTestApp, type ControlsTestApp } from './support/controls-test-app.js';

type GraphError = { error: { code: string; message: string } };
type Json = Record<string, unknown>;

const CALL = '57dab8b1-894c-409a-b240-bd8beae78896';
const PARTICIPANT = '2765eb15-01f8-47c6-b12b-c32111a4a86f';
const ORIGIN = 'http://localhost:80';

describe('Graph participant control routes', () => {
  let t: ControlsTestApp;
  const log: string[] = [];
  before(async () => {
    t = await buildControlsTestApp(undefined, { logLines: log });
    t.controls.calls.add(CALL);
  });
  after(() => t.close());

  const post = (url: string, body?: unknown) =>
    t.app.inject({ method: 'POST', url, headers: { ...t.auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });

  it('mutes a participant: 200, Location of the operation, the completed operation with its context', async () => {
    const res = await post(`/v1.0/communications/calls/${CALL}/participants/${PARTICIPANT}/mute`, { clientContext: 'd45324c1' });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json<Json>();
    assert.equal(res.headers.location, `${ORIGIN}/v1.0/communications/calls/${CALL}/operations/${String(body.id)}`);
    assert.deepEqual(body, { '@odata.context': `${ORIGIN}/v1.0/$metadata#muteParticipantOperation`, '@odata.type': '#microsoft.graph.muteParticipantOperation', id: body.id, status: 'completed', clientContext: 'd45324c1', resultInfo: null });
    assert.deepEqual([t.controls.last()?.method, t.controls.last()?.id], ['muteParticipant', PARTICIPANT]);
  });

  it('serves participant mute on /app in beta only, and the namespace-qualified action', async () => {
    assert.equal((await post(`/beta/app/calls/${CALL}/participants/${PARTICIPANT}/mute`)).statusCode, 200);
    assert.equal((await post(`/v1.0/app/calls/${CALL}/participants/${PARTICIPANT}/mute`)).statusCode, 400);
    assert.equal((await post(`/v1.0/communications/calls/${CALL}/participants/${PARTICIPANT}/microsoft.graph.mute`)).statusCode, 200);
  });

  it('serves muteAll in beta only, saying it is deprecated; v1.0 does not know the segment', async () => {
    const res = await post(`/beta/communications/calls/${CALL}/participants/muteAll`, { participants: [''], clientContext: 'clientContext-value' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json<Json>()['@odata.type'], '#microsoft.graph.commsOperation');
    assert.equal(res.headers.deprecation, '@1584230400');
    assert.match(String(res.headers.link), /participant-muteall.*rel="deprecation"/);
    assert.match(String(res.headers.warning), /^299 - ".*muteAll is deprecated/);
    assert.deepEqual(t.controls.last()?.command, { participants: [''], clientContext: 'clientContext-value' });
    const warning = log.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => String(entry.msg).includes('muteAll is deprecated'));
    assert.deepEqual([warning?.level, warning?.callId], [40, CALL], 'the log says so too');
    assert.equal((await post(`/beta/app/calls/${CALL}/participants/muteAll`, {})).statusCode, 200);

    const v1 = await post(`/v1.0/communications/calls/${CALL}/participants/muteAll`, {});
    assert.equal(v1.statusCode, 400);
    assert.deepEqual(v1.json<GraphError>().error, { ...v1.json<GraphError>().error, code: 'BadRequest', message: "Resource not found for the segment 'muteAll'." });
  });

  it('removes a participant with 204 (v1.0 without /app, beta with it)', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: `/v1.0/communications/calls/${CALL}/participants/${PARTICIPANT}`, headers: t.auth });
    assert.deepEqual([res.statusCode, res.body], [204, '']);
    assert.deepEqual([t.controls.last()?.method, t.controls.last()?.id], ['removeParticipant', PARTICIPANT]);
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/beta/app/calls/${CALL}/participants/${PARTICIPANT}`, headers: t.auth })).statusCode, 204);
    assert.equal((await t.app.inject({ method: 'DELETE', url: `/v1.0/app/calls/${CALL}/participants/${PARTICIPANT}`, headers: t.auth })).statusCode, 400);
  });

  it('starts and stops hold music with 202 and a running operation, reading the customPrompt', async () => {
    const prompt = { '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { '@odata.type': '#microsoft.graph.mediaInfo', uri: 'https://bot.contoso.com/onHold.wav' } };
    for (const version of ['v1.0', 'beta']) {
      const start = await post(`/${version}/communications/calls/${CALL}/participants/${PARTICIPANT}/startHoldMusic`, { customPrompt: prompt, clientContext: 'c' });
      assert.equal(start.statusCode, 202, start.body);
      assert.equal(start.json<Json>().status, 'running');
      assert.match(String(start.headers.location), new RegExp(`/${version.replace('.', '\\.')}/communications/calls/${CALL}/operations/`));
      assert.deepEqual(t.controls.last()?.command, { customPrompt: { uri: 'https://bot.contoso.com/onHold.wav' }, clientContext: 'c' });
      const stop = await post(`/${version}/communications/calls/${CALL}/participants/${PARTICIPANT}/stopHoldMusic`);
      assert.deepEqual([stop.statusCode, stop.json<Json>()['@odata.type']], [202, '#microsoft.graph.stopHoldMusicOperation']);
    }
    assert.equal((await post(`/beta/app/calls/${CALL}/participants/${PARTICIPANT}/startHoldMusic`, {})).statusCode, 400, 'no /app for hold music');
    const bad = await post(`/v1.0/communications/calls/${CALL}/participants/${PARTICIPANT}/startHoldMusic`, { customPrompt: { mediaInfo: {} } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json<GraphError>().error.message, /customPrompt\.mediaInfo\.uri/);
  });

  it('mutes and unmutes the app itself (call mute / unmute), /app in beta only', async () => {
    const muted = await post(`/v1.0/communications/calls/${CALL}/mute`, { clientContext: 'clientContext-value' });
    assert.equal(muted.statusCode, 200);
    assert.equal(muted.json<Json>()['@odata.context'], `${ORIGIN}/v1.0/$metadata#muteParticipantOperation`);
    const unmuted = await post(`/beta/app/calls/${CALL}/unmute`);
    assert.deepEqual([unmuted.statusCode, unmuted.json<Json>()['@odata.type']], [200, '#microsoft.graph.unmuteParticipantOperation']);
    assert.equal((await post(`/v1.0/app/calls/${CALL}/unmute`)).statusCode, 400);
  });

  it('answers an unknown call with 404 8522 and a bad body with 400', async () => {
    const res = await post(`/v1.0/communications/calls/unknown/participants/${PARTICIPANT}/mute`, {});
    assert.deepEqual([res.statusCode, res.json<GraphError>().error.code], [404, '8522']);
    const bad = await post(`/v1.0/communications/calls/${CALL}/mute`, { clientContext: 42 });
    assert.equal(bad.statusCode, 400);
    const array = await post(`/beta/communications/calls/${CALL}/participants/muteAll`, { participants: 'all' });
    assert.equal(array.statusCode, 400);
  });
});
