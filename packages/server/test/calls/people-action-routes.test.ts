import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keysToTones, pressOutput } from '../../src/cli/commands/people-keys.js';
import { joinOutput, joinerOf, participantActionOutput, ringOutput, speakOutput, videoOutput } from '../../src/cli/commands/people.js';
import { buildOpenApiDocument } from '../../src/http/control/openapi.js';
import { peopleRoutes } from '../../src/http/control/people-routes.js';
import { DEMO } from '../../src/world/demo-world.js';
import { WorldService } from '../../src/world/world-service.js';
import { audioSourceId } from '../../src/wire/participant-to-graph.js';
import { STANDUP, callUsersCommand, demoBot, useCallKit, invokePeopleRoute } from './call-kit.js';

const invoke = invokePeopleRoute;

describe('people action routes', () => {
  const kit = useCallKit();

  it('joins a phone caller, denies them; video, hold, resume and dominant speaker for a user', async () => {
    const caller = (await invoke(kit(), 'joinMeeting', { meetingId: STANDUP.id }, { phone: { number: '+14255550100' } })).body as { conferenceId: string; participantId: string };
    assert.deepEqual(await invoke(kit(), 'denyParticipant', caller), {});
    const alex = (await invoke(kit(), 'joinMeeting', { meetingId: STANDUP.id }, { userId: DEMO.users.alex.id })).body as { conferenceId: string; participantId: string };
    assert.equal(((await invoke(kit(), 'setParticipantVideo', alex, { on: true })).body as { video: string }).video, 'sendReceive');
    assert.equal(((await invoke(kit(), 'holdParticipant', alex)).body as { audio: string }).audio, 'inactive');
    assert.equal(((await invoke(kit(), 'resumeHeldParticipant', alex)).body as { audio: string }).audio, 'sendReceive');
    const speaker = await invoke(kit(), 'setDominantSpeaker', { conferenceId: alex.conferenceId }, { participantId: alex.participantId });
    assert.deepEqual(speaker.body, { conferenceId: alex.conferenceId, participantId: alex.participantId, sourceId: audioSourceId(alex.participantId) });
    assert.deepEqual((await invoke(kit(), 'getDominantSpeaker', { conferenceId: alex.conferenceId })).body, speaker.body);
  });

  it('rejects join bodies naming no joiner or two', () => {
    const row = peopleRoutes.find((r) => r.operationId === 'joinMeeting');
    assert.equal(row?.body?.safeParse({ anonymous: {} }).success, true);
    assert.equal(row?.body?.safeParse({ anonymous: {}, phone: { number: '+14255550100' } }).success, false);
    assert.equal(row?.body?.safeParse({ muted: true }).success, false);
  });

  it("answers and declines an app's call to manual users", async () => {
    const world = new WorldService(kit().store, kit().clock);
    for (const user of [DEMO.users.megan, DEMO.users.lynne]) await world.updateUser(user.id, { answerMode: 'manual' });
    const answered = await kit().calls.createCall(demoBot, callUsersCommand([DEMO.users.megan.id]));
    const declined = await kit().calls.createCall(demoBot, callUsersCommand([DEMO.users.lynne.id]));
    await kit().runTimers();
    assert.equal(((await invoke(kit(), 'answerAppCall', { callId: answered.id })).body as { id: string }).id, answered.id);
    assert.deepEqual(await invoke(kit(), 'declineAppCall', { callId: declined.id }), {});
    await kit().runTimers();
    assert.deepEqual([(await kit().people.getCall(answered.id)).state, (await kit().people.getCall(declined.id)).resultInfo?.subcode], ['established', 10076]);
  });

  it('documents the new rows in the OpenAPI document', () => {
    const doc = buildOpenApiDocument(peopleRoutes) as { paths: Record<string, Record<string, { operationId: string }>> };
    const participant = '/_switchboard/conferences/{conferenceId}/participants/{participantId}';
    assert.equal(doc.paths[`${participant}/deny`]?.post?.operationId, 'denyParticipant');
    assert.equal(doc.paths[`${participant}/resume`]?.post?.operationId, 'resumeHeldParticipant');
    assert.equal(doc.paths['/_switchboard/conferences/{conferenceId}/dominant-speaker']?.put?.operationId, 'setDominantSpeaker');
    assert.equal(doc.paths['/_switchboard/calls/{callId}/decline']?.post?.operationId, 'declineAppCall');
  });
});

describe('people action CLI', () => {
  it('maps join options to one joiner', () => {
    assert.deepEqual(joinerOf({ anonymous: true }), { anonymous: {} });
    assert.deepEqual(joinerOf({ anonymous: 'Kim' }), { anonymous: { displayName: 'Kim' } });
    assert.deepEqual(joinerOf({ phone: '+14255550100', name: 'Front desk' }), { phone: { number: '+14255550100', displayName: 'Front desk' } });
  });

  it('drives the control API for deny, video, hold, resume, speak, answer and decline', async () => {
    const calls: string[] = [];
    const fake = async <T>(_dataDir: string, method: string, path: string, body?: unknown): Promise<T> => {
      calls.push(`${method} ${path}${body === undefined ? '' : ` ${JSON.stringify(body)}`}`);
      return (path.endsWith('/people') ? { conferenceId: 'c1', participantId: 'p1', isInLobby: false } : undefined) as T;
    };
    const data = { data: '/tmp/sb' };
    assert.match(await joinOutput('m1', { ...data, phone: '+14255550100' }, fake), /participant p1 joined/);
    for (const action of ['deny', 'hold', 'resume'] as const) await participantActionOutput(action, 'c1', 'p1', data, fake);
    assert.equal(await videoOutput('on', 'c1', 'p1', data, fake), '[switchboard] participant p1 turned video on\n');
    await assert.rejects(videoOutput('maybe', 'c1', 'p1', data, fake), /expected on or off/);
    assert.equal(await speakOutput('c1', undefined, data, fake), '[switchboard] nobody is the dominant speaker\n');
    assert.equal(await ringOutput('decline', 'call-1', data, fake), '[switchboard] declined call call-1\n');
    await ringOutput('answer', 'call-1', data, fake);
    assert.deepEqual(calls, [
      'POST /_switchboard/meetings/m1/people {"phone":{"number":"+14255550100"},"muted":false,"video":false}',
      'POST /_switchboard/conferences/c1/participants/p1/deny',
      'POST /_switchboard/conferences/c1/participants/p1/hold',
      'POST /_switchboard/conferences/c1/participants/p1/resume',
      'POST /_switchboard/conferences/c1/participants/p1/video {"on":true}',
      'PUT /_switchboard/conferences/c1/dominant-speaker {"participantId":null}',
      'POST /_switchboard/calls/call-1/decline',
      'POST /_switchboard/calls/call-1/answer',
    ]);
  });

  it('presses keypad keys as Graph tone names, in a meeting or on a call', async () => {
    assert.deepEqual(keysToTones('12*#a'), ['tone1', 'tone2', 'star', 'pound', 'a']);
    assert.throws(() => keysToTones('1x'), /not a keypad key/);
    const paths: string[] = [];
    const fake = async <T>(_dataDir: string, method: string, path: string, body?: unknown): Promise<T> => {
      paths.push(`${method} ${path} ${JSON.stringify(body)}`);
      return { notifiedCallIds: ['call-1'] } as T;
    };
    assert.match(await pressOutput({ conferenceId: 'c1', participantId: 'p1' }, '9#', {}, fake), /heard by 1 app leg/);
    await pressOutput({ callId: 'call-1' }, '0', {}, fake);
    assert.deepEqual(paths, ['POST /_switchboard/conferences/c1/participants/p1/dtmf {"tones":["tone9","pound"]}', 'POST /_switchboard/calls/call-1/dtmf {"tones":["tone0"]}']);
  });
});
