import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildFeaturesApp, type FeaturesApp, type Json } from './support/features-app.js';

type GraphError = { error: { code: string; message: string } };

const OPERATION_URL = /^http:\/\/localhost:80\/(v1\.0|beta)\/communications\/calls\/[^/]+\/operations\/[^/]+$/;
const prompt = { '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { '@odata.type': '#microsoft.graph.mediaInfo', uri: 'https://cdn.contoso.com/beep.wav', resourceId: '1D6DE2D4' } };

describe('media routes (Graph)', () => {
  let t: FeaturesApp;
  before(async () => {
    t = await buildFeaturesApp();
  });
  after(() => t.close());

  const post = async (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers: { ...(await t.auth()), 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const get = async (url: string) => t.app.inject({ method: 'GET', url, headers: await t.auth() });

  it('serves every action where the permission matrix documents it, answering 200 + Location', async () => {
    const call = await t.join();
    for (const [version, prefix] of [['v1.0', 'communications'], ['beta', 'communications'], ['beta', 'app']] as const) {
      const res = await post(`/${version}/${prefix}/calls/${call.id}/playPrompt`, { prompts: [prompt], clientContext: 'ctx' });
      assert.equal(res.statusCode, 200, `${version}/${prefix}: ${res.body}`);
      assert.match(String(res.headers.location), OPERATION_URL);
      assert.deepEqual([res.json<Json>()['@odata.type'], res.json<Json>().status], ['#microsoft.graph.playPromptOperation', 'running']);
    }
    assert.equal((await post(`/v1.0/app/calls/${call.id}/playPrompt`, { prompts: [prompt] })).statusCode, 400, 'v1.0 lists no /app path');
    const cancel = await post(`/v1.0/communications/calls/${call.id}/microsoft.graph.cancelMediaProcessing`, { clientContext: 'c' });
    assert.deepEqual([cancel.statusCode, cancel.json<Json>().status], [200, 'completed']);
    const tones = await post(`/v1.0/communications/calls/${call.id}/subscribeToTone`, {});
    assert.deepEqual([tones.statusCode, tones.json<Json>()['@odata.type'], tones.json<Json>().status], [200, '#microsoft.graph.subscribeToToneOperation', 'completed']);
    const dtmf = await post(`/beta/communications/calls/${call.id}/sendDtmfTones`, { tones: ['tone1', 'pound'], delayBetweenTonesMs: 10 });
    assert.deepEqual([dtmf.statusCode, dtmf.json<Json>().status], [200, 'running']);
  });

  it('answers 400 for more than 20 prompts, an unknown tone or a long clientContext', async () => {
    const call = await t.join();
    const many = await post(`/v1.0/communications/calls/${call.id}/playPrompt`, { prompts: Array(21).fill(prompt) });
    assert.equal(many.statusCode, 400);
    assert.match(many.json<GraphError>().error.message, /at most 20 prompts/);
    assert.equal((await post(`/v1.0/communications/calls/${call.id}/sendDtmfTones`, { tones: ['tone10'] })).statusCode, 400);
    assert.equal((await post(`/v1.0/communications/calls/${call.id}/subscribeToTone`, { clientContext: 'x'.repeat(257) })).statusCode, 400);
  });

  it('recordResponse completes with a recordingLocation that needs the recordingAccessToken', async () => {
    const call = await t.join();
    const res = await post(`/v1.0/communications/calls/${call.id}/recordResponse`, { maxRecordDurationInSeconds: 2, playBeep: true, stopTones: ['#'] });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual([res.json<Json>().status, res.json<Json>().recordingLocation, res.json<Json>().resultInfo], ['running', null, null]);
    await t.settle();
    const done = (await get(String(res.headers.location).replace('http://localhost:80', ''))).json<Json>();
    assert.equal(done.status, 'completed');
    const path = String(done.recordingLocation).replace('http://localhost:80', '');
    assert.match(path, /^\/_switchboard\/recordings\//);
    assert.equal((await t.app.inject({ method: 'GET', url: path })).statusCode, 401);
    const wav = await t.app.inject({ method: 'GET', url: path, headers: { authorization: `Bearer ${String(done.recordingAccessToken)}` } });
    assert.deepEqual([wav.statusCode, wav.headers['content-type'], wav.rawPayload.subarray(8, 12).toString('ascii')], [200, 'application/octet-stream', 'WAVE']);
  });
});
