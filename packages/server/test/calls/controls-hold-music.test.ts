import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LATENCY_PROFILES } from '../../src/calls/latency.js';
import { DEMO } from '../../src/world/demo-world.js';
import { callUsersCommand, demoBot, joinCommand, STANDUP } from './call-kit.js';
import { fails, secondLeg, standupWithPeople, useControlsKit } from './controls-kit.js';

const PROMPT = { uri: 'https://bot.contoso.com/onHold.wav' };

describe('hold music (service)', () => {
  const kit = useControlsKit();

  it('answers with a running operation, then puts the participant on hold and completes it by notification', async () => {
    const { bot, alex } = await standupWithPeople(kit());
    const other = await secondLeg(kit());
    const started = await kit().controls.startHoldMusic(demoBot, bot.id, alex, { customPrompt: PROMPT, clientContext: 'ctx-hold' });
    assert.deepEqual([started.type, started.status, started.clientContext], ['startHoldMusicOperation', 'running', 'ctx-hold']);
    assert.equal((await kit().calls.getParticipant(demoBot, bot.id, alex)).audio, 'sendReceive', 'nothing changes before the operation completes');
    assert.deepEqual(kit().notifications.sent, []);

    await kit().runTimers();
    const held = await kit().calls.getParticipant(demoBot, bot.id, alex);
    assert.deepEqual([held.audio, held.video, held.holdMusic?.phase, held.holdMusic?.promptUri], ['receiveOnly', 'inactive', 'onHold', PROMPT.uri]);
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:updated [${alex}]`, 'operation:finished:startHoldMusicOperation:completed']);
    assert.deepEqual(kit().notifications.to(other.id), [`roster:updated [${alex}]`], 'the operation is the caller’s alone');
    const finished = await kit().calls.getOperation(demoBot, bot.id, started.id);
    assert.deepEqual([finished.status, finished.clientContext, finished.resultInfo], ['completed', 'ctx-hold', undefined]);
    assert.deepEqual((await kit().controls.audioMatrix(bot.id)).hears[alex], []);
  });

  it('holds one participant at a time and brings them back with stopHoldMusic', async () => {
    const { bot, alex, megan } = await standupWithPeople(kit());
    await kit().controls.startHoldMusic(demoBot, bot.id, alex, {});
    await assert.rejects(kit().controls.startHoldMusic(demoBot, bot.id, megan, {}), fails('holdMusicInUse'));
    await assert.rejects(kit().controls.stopHoldMusic(demoBot, bot.id, alex, {}), fails('holdMusicPending'));
    await kit().runTimers();
    await assert.rejects(kit().controls.startHoldMusic(demoBot, bot.id, alex, {}), fails('participantAlreadyOnHold'));
    kit().notifications.clear();

    const stopped = await kit().controls.stopHoldMusic(demoBot, bot.id, alex, { clientContext: 'ctx-stop' });
    assert.deepEqual([stopped.type, stopped.status], ['stopHoldMusicOperation', 'running']);
    await kit().runTimers();
    const back = await kit().calls.getParticipant(demoBot, bot.id, alex);
    assert.deepEqual([back.audio, back.video, back.holdMusic], ['sendReceive', 'inactive', undefined]);
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:updated [${alex}]`, 'operation:finished:stopHoldMusicOperation:completed']);
    await assert.rejects(kit().controls.stopHoldMusic(demoBot, bot.id, alex, {}), fails('participantNotOnHold'));
    await kit().controls.startHoldMusic(demoBot, bot.id, megan, {});
  });

  it('fails the operation when the participant leaves before it completes', async () => {
    const { bot, alex } = await standupWithPeople(kit());
    const started = await kit().controls.startHoldMusic(demoBot, bot.id, alex, {});
    await kit().people.leave(bot.conferenceId!, alex);
    await kit().runTimers();
    const failed = await kit().calls.getOperation(demoBot, bot.id, started.id);
    assert.deepEqual([failed.status, failed.resultInfo?.code], ['failed', 410]);
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:removed [${alex}]`, 'operation:finished:startHoldMusicOperation:failed']);
  });

  it('ends the hold when the app that holds leaves the meeting', async () => {
    const { bot, alex } = await standupWithPeople(kit());
    const other = await secondLeg(kit());
    await kit().controls.startHoldMusic(demoBot, bot.id, alex, {});
    await kit().runTimers();
    kit().notifications.clear();
    await kit().calls.deleteCall(demoBot, bot.id);
    await kit().runTimers();
    const entry = await kit().calls.getParticipant(demoBot, other.id, alex);
    assert.deepEqual([entry.audio, entry.holdMusic], ['sendReceive', undefined]);
    assert.deepEqual(kit().notifications.to(other.id), [`roster:removed [${bot.myParticipantId}]`, `roster:updated [${alex}]`]);
  });

  it('refuses the app’s own leg, unknown participants and overlong clientContext', async () => {
    const { bot, me } = await standupWithPeople(kit());
    await assert.rejects(kit().controls.startHoldMusic(demoBot, bot.id, me, {}), fails('holdMusicOwnLeg'));
    await assert.rejects(kit().controls.startHoldMusic(demoBot, bot.id, 'nobody', {}), fails('participantNotFound'));
    await assert.rejects(kit().controls.startHoldMusic(demoBot, bot.id, me, { clientContext: 'x'.repeat(257) }), fails('clientContextTooLong'));
  });

  it('holds the other party of a peer-to-peer call too (no roster notifications there)', async () => {
    const p2p = await kit().calls.createCall(demoBot, callUsersCommand([DEMO.users.diego.id]));
    await kit().runTimers();
    const diego = (await kit().calls.listParticipants(demoBot, p2p.id)).find((p) => p.kind === 'person')!;
    kit().notifications.clear();
    await kit().controls.startHoldMusic(demoBot, p2p.id, diego.id, {});
    await kit().runTimers();
    assert.deepEqual(kit().notifications.to(p2p.id), ['operation:finished:startHoldMusicOperation:completed']);
  });

  describe('with realistic latency', () => {
    const slow = useControlsKit({ latency: LATENCY_PROFILES.realistic });

    it('completes after the platform’s delay, through a durable timer', async () => {
      const created = await slow().calls.createCall(demoBot, joinCommand(STANDUP));
      await slow().advance(5_000);
      const alex = await slow().people.joinMeeting(STANDUP.id, { userId: DEMO.users.alex.id });
      const started = await slow().controls.startHoldMusic(demoBot, created.id, alex.participantId, {});
      await slow().advance(500);
      assert.equal((await slow().calls.getOperation(demoBot, created.id, started.id)).status, 'running');
      await slow().advance(500);
      assert.equal((await slow().calls.getOperation(demoBot, created.id, started.id)).status, 'completed');
    });
  });
});
