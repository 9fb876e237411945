import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { answerBody } from './support/bodies.js';
import { send, type Json } from './support/harness.js';
import { assertCallbacksValid, notificationsFor, waitForNotice, waitForState, type Notice } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const expected = { appId: DEMO.appId, tenantId: DEMO.tenantId };
const prompt = { '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { '@odata.type': '#microsoft.graph.mediaInfo', uri: 'https://cdn.contoso.com/welcome.wav' } };

const operationDone = (operationId: string) => (n: Notice): boolean => n.changeType === 'deleted' && n.resourceUrl.endsWith(`/operations/${operationId}`);
const data = (n: Notice): Json => n.resourceData as Json;

/** An IVR bot: a person calls it, hears a prompt, presses keys, leaves a message (BEHAVIOR.md §6–7). */
describe('e2e: IVR media operations', () => {
  const { e2e, p } = useMeetingE2e({ endMeetings: [] });
  let webhook: WebhookReceiver;
  before(async () => {
    webhook = await e2e.receiver();
    await p.setWebhook(DEMO.appId, webhook.url);
  });

  it('prompts, hears keys, records, serves the recording and cancels queued prompts', async () => {
    const callId = await p.callApp(DEMO.users.adele.id, DEMO.appId);
    await waitForNotice(webhook, callId, (n) => n.changeType === 'created');
    const rx = await e2e.receiver();
    assert.equal((await e2e.graph.request('POST', `/communications/calls/${callId}/answer`, answerBody(rx.url))).status, 202);
    await waitForState(rx, callId, 'established');
    const action = (name: string, body: Json, version: 'v1.0' | 'beta' = 'v1.0') => e2e.graph.request('POST', `/communications/calls/${callId}/${name}`, body, { version });

    const play = await action('playPrompt', { prompts: [prompt], clientContext: 'welcome' });
    assert.deepEqual([play.status, play.body.status], [200, 'running']);
    const played = data(await waitForNotice(rx, callId, operationDone(String(play.body.id))));
    assert.deepEqual([played.status, (played.resultInfo as Json).code, (played.resultInfo as Json).subcode, played.clientContext], ['completed', 200, 0, 'welcome']);

    assert.equal((await action('subscribeToTone', {})).body.status, 'completed');
    const pressed = await e2e.control.expect<{ notifiedCallIds: string[] }>(200, 'POST', `/calls/${callId}/dtmf`, { tones: ['tone1', 'pound'] });
    assert.deepEqual(pressed.notifiedCallIds, [callId]);
    await waitForNotice(rx, callId, (n) => (data(n).toneInfo as Json | undefined)?.sequenceId === 2);
    const tones = notificationsFor(rx, callId).map((n) => data(n).toneInfo as Json | undefined).filter((tone) => tone !== undefined);
    assert.deepEqual(tones.map((tone) => [tone.sequenceId, tone.tone]), [[1, 'tone1'], [2, 'pound']]);

    const record = await action('recordResponse', { maxRecordDurationInSeconds: 1, stopTones: ['#'] });
    assert.deepEqual([record.status, record.body.status, record.body.recordingLocation], [200, 'running', null]);
    const recorded = data(await waitForNotice(rx, callId, operationDone(String(record.body.id))));
    assert.deepEqual([recorded.status, (recorded.resultInfo as Json).subcode], ['completed', 8515]);
    const path = new URL(String(recorded.recordingLocation)).pathname;
    const wav = await send(e2e.server, 'GET', path, { authorization: `Bearer ${String(recorded.recordingAccessToken)}` });
    assert.deepEqual([wav.status, wav.headers['content-type'], wav.raw.slice(0, 4)], [200, 'application/octet-stream', 'RIFF']);
    assert.equal((await send(e2e.server, 'GET', path, {})).status, 401);

    // beta `loop` plays until cancelled, so the second prompt is still queued behind it.
    const looping = await action('playPrompt', { prompts: [prompt], loop: true }, 'beta');
    const queued = await action('playPrompt', { prompts: [prompt], clientContext: 'queued' }, 'beta');
    const cancel = await action('cancelMediaProcessing', { clientContext: 'stop' });
    assert.deepEqual([cancel.status, cancel.body.status], [200, 'completed']);
    for (const id of [looping.body.id, queued.body.id]) {
      const failed = data(await waitForNotice(rx, callId, operationDone(String(id))));
      assert.deepEqual([failed.status, (failed.resultInfo as Json).code, (failed.resultInfo as Json).subcode, failed.completionReason], ['failed', 400, 8508, 'operationCanceled']);
    }
    await p.hangUp(callId);
    assertCallbacksValid(rx, expected);
  });
});
