import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { callOutput, callsOutput, endOutput, hangUpOutput, joinOutput, participantActionOutput, registerPeopleCommand, rosterOutput } from '../../src/cli/commands/people.js';
import { buildOpenApiDocument } from '../../src/http/control/openapi.js';
import { peopleRoutes } from '../../src/http/control/people-routes.js';
import { CONTROL_ROUTES } from '../../src/http/control/routes.js';
import type { ControlRoute } from '../../src/http/control/route-table.js';
import { DEMO } from '../../src/world/demo-world.js';
import { WorldService } from '../../src/world/world-service.js';
import { STANDUP, demoBot, joinCommand, useCallKit, invokePeopleRoute } from './call-kit.js';

const invoke = invokePeopleRoute;

describe('people control routes', () => {
  const kit = useCallKit();

  it('joins a person (201 + Location of the roster entry) and reads the roster', async () => {
    const reply = await invoke(kit(), 'joinMeeting', { meetingId: STANDUP.id }, { guest: { displayName: 'Visitor' } });
    const joined = reply.body as { conferenceId: string; participantId: string; isInLobby: boolean };
    assert.equal(reply.location, `/_switchboard/conferences/${joined.conferenceId}/participants/${joined.participantId}`);
    assert.equal(joined.isInLobby, true);
    const roster = (await invoke(kit(), 'getMeetingRoster', { meetingId: STANDUP.id })).body as { participants: unknown[] };
    assert.equal(roster.participants.length, 1);
    const ids = { conferenceId: joined.conferenceId, participantId: joined.participantId };
    assert.equal(((await invoke(kit(), 'admitParticipant', ids)).body as { isInLobby: boolean }).isInLobby, false);
    assert.equal(((await invoke(kit(), 'muteParticipant', ids)).body as { isMuted: boolean }).isMuted, true);
    assert.equal(((await invoke(kit(), 'getConferenceParticipant', ids)).body as { isMuted: boolean }).isMuted, true);
    await invoke(kit(), 'leaveConference', ids);
    assert.deepEqual(((await invoke(kit(), 'getMeetingRoster', { meetingId: STANDUP.id })).body as { participants: unknown[] }).participants, []);
  });

  it('rejects a join body with both or neither of userId and guest', () => {
    const row = peopleRoutes.find((r) => r.operationId === 'joinMeeting');
    assert.equal(row?.body?.safeParse({}).success, false);
    assert.equal(row?.body?.safeParse({ userId: DEMO.users.alex.id, guest: { displayName: 'x' } }).success, false);
  });

  it('places a call to an app and hangs it up; lists and reads call legs', async () => {
    await new WorldService(kit().store, kit().clock).updateApplication(DEMO.appId, { callingWebhookUrl: 'https://bot.example/calls' });
    const reply = await invoke(kit(), 'callApp', { userId: DEMO.users.adele.id }, { appId: DEMO.appId });
    const { callId } = reply.body as { callId: string };
    assert.equal(reply.location, `/_switchboard/calls/${callId}`);
    await invoke(kit(), 'hangUpCall', { callId });
    assert.equal(((await invoke(kit(), 'getCallLeg', { callId })).body as { state: string }).state, 'terminated');
    assert.equal(((await invoke(kit(), 'listCallLegs', {})).body as { value: unknown[] }).value.length, 1);
  });

  it('ends a meeting and removes participants', async () => {
    const call = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    await invoke(kit(), 'removeParticipant', { conferenceId: call.conferenceId ?? '', participantId: call.myParticipantId ?? '' });
    assert.equal((await kit().people.getCall(call.id)).resultInfo?.subcode, 5300);
    await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    await invoke(kit(), 'endMeeting', { meetingId: STANDUP.id });
    assert.equal(((await invoke(kit(), 'getMeetingRoster', { meetingId: STANDUP.id })).body as { conferenceId?: string }).conferenceId, undefined);
  });

  it('hands out a meeting join token that create-call accepts', async () => {
    const { token } = (await invoke(kit(), 'getMeetingJoinToken', { meetingId: STANDUP.id })).body as { token: string };
    const call = await kit().calls.createCall(demoBot, joinCommand(STANDUP, { meeting: { method: 'tokenMeetingInfo', token } }));
    assert.equal(call.meetingId, STANDUP.id);
  });

  it('documents every row in the OpenAPI document, with named components', () => {
    const routes: ControlRoute[] = [...CONTROL_ROUTES.filter((r) => !peopleRoutes.includes(r)), ...peopleRoutes];
    const doc = buildOpenApiDocument(routes) as { paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: Record<string, unknown> } };
    assert.equal(doc.paths['/_switchboard/meetings/{meetingId}/people']?.post?.operationId, 'joinMeeting');
    assert.equal(doc.paths['/_switchboard/conferences/{conferenceId}/participants/{participantId}/admit']?.post?.operationId, 'admitParticipant');
    for (const id of ['PersonJoin', 'PersonJoined', 'MeetingRoster', 'RosterParticipant', 'PersonCall', 'CallLegList']) assert.ok(doc.components.schemas[id], id);
    assert.equal(new Set(routes.map((r) => r.operationId)).size, routes.length);
  });
});

describe('people CLI', () => {
  const calls: [string, string, unknown][] = [];
  const fake = async <T>(_dataDir: string, method: string, path: string, body?: unknown): Promise<T> => {
    calls.push([method, path, body]);
    if (path.endsWith('/people')) return { conferenceId: 'c1', participantId: 'p1', isInLobby: true } as T;
    if (path.endsWith('/roster')) return { meetingId: 'm1', conferenceId: 'c1', rosterSequence: 2, participants: [{ id: 'p1', kind: 'person', identity: { kind: 'guest', id: 'g', displayName: 'Visitor' }, isInLobby: true, isMuted: true }] } as T;
    if (path.endsWith('/call')) return { callId: 'call-1' } as T;
    if (path === '/_switchboard/calls') return { value: [{ id: 'call-1', state: 'terminated', scenario: 'incoming', appId: 'a1', resultInfo: { code: 200, subcode: 4521 } }] } as T;
    return undefined as T;
  };

  it('drives the control API and prints what happened', async () => {
    const data = { data: '/tmp/sb' };
    assert.equal(await joinOutput('m1', { ...data, guest: 'Visitor', muted: true }, fake), '[switchboard] participant p1 is waiting in the lobby (conference c1)\n');
    assert.match(await rosterOutput('m1', data, fake), /roster version 2:\n {2}p1 {2}Visitor \(guest\) \[in lobby, muted\]/);
    assert.equal(await participantActionOutput('admit', 'c1', 'p1', data, fake), '[switchboard] participant p1 was admitted from the lobby\n');
    assert.match(await callOutput('u1', { ...data, app: 'a1' }, fake), /incoming call call-1/);
    assert.equal(await hangUpOutput('call-1', data, fake), '[switchboard] hung up call call-1\n');
    assert.equal(await endOutput('m1', data, fake), '[switchboard] meeting m1 ended for everyone\n');
    assert.match(await callsOutput(data, fake), /call-1 {2}terminated .* 200\/4521/);
    assert.deepEqual(calls.map(([method, path]) => `${method} ${path}`), [
      'POST /_switchboard/meetings/m1/people',
      'GET /_switchboard/meetings/m1/roster',
      'POST /_switchboard/conferences/c1/participants/p1/admit',
      'POST /_switchboard/users/u1/call',
      'POST /_switchboard/calls/call-1/hangup',
      'POST /_switchboard/meetings/m1/end',
      'GET /_switchboard/calls',
    ]);
    assert.deepEqual(calls[0]?.[2], { guest: { displayName: 'Visitor' }, muted: true, video: false });
  });

  it('registers `switchboard people <action>` for every action', () => {
    const program = new Command('switchboard');
    registerPeopleCommand(program);
    const people = program.commands.find((c) => c.name() === 'people');
    assert.deepEqual(people?.commands.map((c) => c.name()).sort(), ['admit', 'answer', 'call', 'calls', 'decline', 'deny', 'end', 'hangup', 'hold', 'join', 'leave', 'mute', 'press', 'remove', 'resume', 'roster', 'share', 'speak', 'unmute', 'unshare', 'video']);
  });
});
