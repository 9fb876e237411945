import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LATENCY_PROFILES } from '../../src/calls/latency.js';
import type { Call } from '../../src/domain/calls/types.js';
import { DEMO } from '../../src/world/demo-world.js';
import { STANDUP, demoBot, joinCommand } from './call-kit.js';
import { fails } from './features-kit.js';
import { useMediaKit, type MediaKit } from './media-kit.js';

const prompt = { uri: 'https://cdn.contoso.com/beep.wav' };
const BASE = 'https://switchboard.test';

/** The demo bot in the stand-up (service-hosted media), established, notifications cleared. */
async function bot(kit: MediaKit, overrides: Parameters<typeof joinCommand>[1] = {}): Promise<Call> {
  const call = await kit.calls.createCall(demoBot, joinCommand(STANDUP, overrides));
  await kit.advance(5000);
  await kit.advance(5000);
  kit.notifications.clear();
  return call;
}

describe('media operations (service)', () => {
  const kit = useMediaKit();

  it('playPrompt answers running and completes 200/0 with a deleted notification', async () => {
    const call = await bot(kit());
    const op = await kit().media.playPrompt(demoBot, call.id, { prompts: [prompt], clientContext: 'ctx' });
    assert.deepEqual([op.type, op.status, op.clientContext], ['playPromptOperation', 'running', 'ctx']);
    await kit().runTimers();
    const done = await kit().calls.getOperation(demoBot, call.id, op.id);
    assert.deepEqual([done.status, done.resultInfo], ['completed', { code: 200, subcode: 0, message: 'Action completed successfully.' }]);
    assert.deepEqual(kit().notifications.to(call.id), ['operation:finished:playPromptOperation:completed']);
  });

  it('runs playPrompt and recordResponse in one FIFO queue; the recording is served with its token', async () => {
    const call = await bot(kit());
    await kit().media.playPrompt(demoBot, call.id, { prompts: [prompt, prompt] });
    const record = await kit().media.recordResponse(demoBot, call.id, { prompts: [], baseUrl: BASE });
    assert.deepEqual([record.type, record.status, record.extra.recordingLocation], ['recordOperation', 'running', null]);
    await kit().runTimers();
    assert.deepEqual(kit().notifications.to(call.id), ['operation:finished:playPromptOperation:completed', 'operation:finished:recordOperation:completed']);
    const done = await kit().calls.getOperation(demoBot, call.id, record.id);
    assert.deepEqual([done.resultInfo?.code, done.resultInfo?.subcode, done.extra.recordingLocation], [200, 8515, `${BASE}/_switchboard/recordings/${record.id}`]);
    const wav = await kit().media.downloadRecording(record.id, String(done.extra.recordingAccessToken));
    assert.equal(wav.subarray(0, 4).toString('ascii'), 'RIFF');
    await assert.rejects(kit().media.downloadRecording(record.id, 'wrong'), fails('recordingTokenInvalid'));
    await assert.rejects(kit().media.downloadRecording('nope', 'x'), fails('recordingNotFound'));
  });

  it('rejects more than 20 prompts, more than one record prompt, bad timeouts, long clientContext and app-hosted media', async () => {
    const call = await bot(kit());
    await assert.rejects(kit().media.playPrompt(demoBot, call.id, { prompts: Array(21).fill(prompt) }), fails('tooManyPrompts'));
    await assert.rejects(kit().media.recordResponse(demoBot, call.id, { prompts: [prompt, prompt], baseUrl: BASE }), fails('tooManyPrompts'));
    await assert.rejects(kit().media.recordResponse(demoBot, call.id, { prompts: [], maxRecordDurationInSeconds: 121, baseUrl: BASE }), fails('recordTimeoutOutOfRange'));
    await assert.rejects(kit().media.subscribeToTone(demoBot, call.id, { clientContext: 'x'.repeat(257) }), fails('clientContextTooLong'));
    const appHosted = await bot(kit(), { mediaHosting: 'app' });
    await assert.rejects(kit().media.playPrompt(demoBot, appHosted.id, { prompts: [prompt] }), fails('mediaNeedsServiceHostedMedia'));
  });

  it('subscribeToTone completes at once; a person pressing keys notifies subscribed legs, one per key', async () => {
    const call = await bot(kit());
    const person = await kit().people.joinMeeting(STANDUP.id, { userId: DEMO.users.alex.id });
    assert.deepEqual(await kit().media.pressKeys(person.conferenceId, person.participantId, ['tone1']), { notifiedCallIds: [] }, 'not subscribed yet');
    const op = await kit().media.subscribeToTone(demoBot, call.id, {});
    assert.deepEqual([op.type, op.status], ['subscribeToToneOperation', 'completed']);
    kit().notifications.clear();
    assert.deepEqual(await kit().media.pressKeys(person.conferenceId, person.participantId, ['tone1', 'pound']), { notifiedCallIds: [call.id] });
    assert.deepEqual(kit().notifications.to(call.id), ['call:tone:tone1:1', 'call:tone:pound:2']);
    await assert.rejects(kit().media.pressKeys(person.conferenceId, 'ghost', ['tone1']), fails('participantNotFound'));
  });

  it('sendDtmfTones answers running and completes with completedSuccessfully', async () => {
    const call = await bot(kit());
    const op = await kit().media.sendDtmfTones(demoBot, call.id, { tones: ['tone1', 'star'], delayBetweenTonesMs: 100 });
    assert.equal(op.status, 'running');
    await kit().runTimers();
    const done = await kit().calls.getOperation(demoBot, call.id, op.id);
    assert.deepEqual([done.status, done.extra.completionReason], ['completed', 'completedSuccessfully']);
  });

  describe('with realistic latency', () => {
    const slow = useMediaKit({ latency: LATENCY_PROFILES.realistic });

    it('cancelMediaProcessing fails the running and queued operations with 400/8508, but keeps the tone subscription', async () => {
      const call = await bot(slow());
      await slow().media.subscribeToTone(demoBot, call.id, {});
      const play = await slow().media.playPrompt(demoBot, call.id, { prompts: [prompt] });
      const record = await slow().media.recordResponse(demoBot, call.id, { prompts: [], baseUrl: BASE });
      slow().notifications.clear();
      const cancel = await slow().media.cancelMediaProcessing(demoBot, call.id, { clientContext: 'c' });
      assert.deepEqual([cancel.type, cancel.status], ['cancelMediaProcessingOperation', 'completed']);
      assert.deepEqual(slow().notifications.to(call.id), ['operation:finished:playPromptOperation:failed', 'operation:finished:recordOperation:failed']);
      for (const id of [play.id, record.id]) {
        const failed = await slow().calls.getOperation(demoBot, call.id, id);
        assert.deepEqual([failed.resultInfo?.code, failed.resultInfo?.subcode, failed.extra.completionReason], [400, 8508, 'operationCanceled']);
      }
      await slow().advance(10_000);
      assert.equal(slow().notifications.to(call.id).length, 2, 'the cancelled timers fire and find nothing to do');
      assert.ok((await slow().calls.getCall(demoBot, call.id)).tones, 'still subscribed');
    });

    it('a prompt takes 1 s per prompt', async () => {
      const call = await bot(slow());
      const op = await slow().media.playPrompt(demoBot, call.id, { prompts: [prompt, prompt] });
      await slow().advance(1999);
      assert.equal((await slow().calls.getOperation(demoBot, call.id, op.id)).status, 'running');
      await slow().advance(1);
      assert.equal((await slow().calls.getOperation(demoBot, call.id, op.id)).status, 'completed');
    });
  });
});
