import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Command } from 'commander';
import { allowRemoveOutput, registerMeetingConfigCommand } from '../../src/cli/commands/meeting-config.js';
import { shareOutput, unshareOutput } from '../../src/cli/commands/share.js';
import { DEMO } from '../../src/world/demo-world.js';
import { useControlApp } from './control-test-app.js';

type Json = Record<string, unknown>;

const OTHER_APP = '6f1c0f5e-1c7e-4b8e-9a55-0c1f2d3e4a5b';

describe('control API: meeting features', () => {
  const t = useControlApp();
  const config = (tenant: string) => `/_switchboard/tenants/${tenant}/meetingConfiguration`;

  it('adds and removes AllowRemoveParticipantAppIds like Set-CsApplicationMeetingConfiguration, effective at once', async () => {
    const added = await t().call('POST', `${config('contoso.example')}/set`, { allowRemoveParticipantAppIds: { add: [OTHER_APP.toUpperCase()] } });
    assert.equal(added.statusCode, 200, added.body);
    assert.deepEqual(added.json<Json>().allowRemoveParticipantAppIds, [DEMO.appId, OTHER_APP]);
    const removed = await t().call('POST', `${config(DEMO.tenantId)}/set`, { allowRemoveParticipantAppIds: { remove: [DEMO.appId] } });
    assert.deepEqual(removed.json<Json>().allowRemoveParticipantAppIds, [OTHER_APP]);
    assert.deepEqual((await t().call('GET', config(DEMO.tenantId))).json<Json>().allowRemoveParticipantAppIds, [OTHER_APP]);
    assert.deepEqual((await t().deps.services.world.tenant(DEMO.tenantId))?.meetingConfiguration.allowRemoveParticipantAppIds, [OTHER_APP], 'what Graph reads next');
  });

  it('validates the change and the tenant', async () => {
    assert.equal((await t().call('POST', `${config(DEMO.tenantId)}/set`, { allowRemoveParticipantAppIds: { add: ['not-a-guid'] } })).statusCode, 400);
    assert.equal((await t().call('POST', `${config(DEMO.tenantId)}/set`, { add: [OTHER_APP] })).statusCode, 400);
    assert.equal((await t().call('POST', `${config('nowhere.example')}/set`, { allowRemoveParticipantAppIds: {} })).statusCode, 404);
  });

  it('grants and removes compliance recording policies of tenants and users', async () => {
    const policy = { recordingAppIds: [DEMO.appId] };
    const tenant = await t().call('PUT', `/_switchboard/tenants/${DEMO.tenantId}/complianceRecordingPolicy`, policy);
    assert.deepEqual([tenant.statusCode, tenant.json<Json>().complianceRecordingPolicy], [200, policy]);
    assert.equal((await t().call('DELETE', `/_switchboard/tenants/${DEMO.tenantId}/complianceRecordingPolicy`)).statusCode, 204);
    assert.equal((await t().call('GET', `/_switchboard/tenants/${DEMO.tenantId}`)).json<Json>().complianceRecordingPolicy, undefined);
    const user = await t().call('PUT', `/_switchboard/users/${DEMO.users.alex.id}/complianceRecordingPolicy`, policy);
    assert.deepEqual(user.json<Json>().complianceRecordingPolicy, policy);
    assert.equal((await t().call('DELETE', `/_switchboard/users/${DEMO.recordedUserId}/complianceRecordingPolicy`)).statusCode, 204);
    assert.equal((await t().call('GET', `/_switchboard/users/${DEMO.recordedUserId}`)).json<Json>().complianceRecordingPolicy, undefined);
    assert.equal((await t().call('PUT', `/_switchboard/users/${DEMO.users.alex.id}/complianceRecordingPolicy`, { recordingAppIds: [] })).statusCode, 400);
  });

  it('lets a person share and stop sharing their screen', async () => {
    const joined = (await t().call('POST', `/_switchboard/meetings/${DEMO.meetings.standup.id}/people`, { userId: DEMO.users.alex.id })).json<Json>();
    const participant = `/_switchboard/conferences/${joined.conferenceId}/participants/${joined.participantId}`;
    const shared = await t().call('POST', `${participant}/share`);
    assert.deepEqual([shared.statusCode, shared.json<Json>().participantId], [200, joined.participantId]);
    assert.equal((await t().call('POST', `${participant}/share`)).statusCode, 409);
    assert.equal((await t().call('POST', `${participant}/unshare`)).statusCode, 204);
    assert.equal((await t().call('POST', `${participant}/unshare`)).statusCode, 409);
  });
});

describe('meeting features CLI', () => {
  const sent: [string, string, unknown][] = [];
  const fake = async <T>(_dataDir: string, method: string, path: string, body?: unknown): Promise<T> => {
    sent.push([method, path, body]);
    if (path.endsWith('/share')) return { id: 's-1', participantId: 'p1', startedAt: 0 } as T;
    if (path.includes('meetingConfiguration')) return { allowRemoveParticipantAppIds: method === 'GET' ? [] : ['a1'] } as T;
    return undefined as T;
  };

  it('mirrors Set-CsApplicationMeetingConfiguration and people sharing through the control API', async () => {
    const data = { data: '/tmp/sb' };
    assert.equal(await allowRemoveOutput({ ...data, tenant: 'contoso.example', add: ['a1'] }, fake), '[switchboard] tenant contoso.example: apps allowed to remove participants (AllowRemoveParticipantAppIds): a1\n');
    assert.match(await allowRemoveOutput({ ...data, tenant: 'contoso.example', remove: ['a2'] }, fake), /: a1\n$/);
    assert.match(await allowRemoveOutput({ ...data, tenant: 'contoso.example' }, fake), /\(none\)/);
    assert.equal(await shareOutput('c1', 'p1', data, fake), '[switchboard] participant p1 is sharing their screen (content sharing session s-1)\n');
    assert.equal(await unshareOutput('c1', 'p1', data, fake), '[switchboard] participant p1 stopped sharing their screen\n');
    assert.deepEqual(sent, [
      ['POST', '/_switchboard/tenants/contoso.example/meetingConfiguration/set', { allowRemoveParticipantAppIds: { add: ['a1'], remove: [] } }],
      ['POST', '/_switchboard/tenants/contoso.example/meetingConfiguration/set', { allowRemoveParticipantAppIds: { add: [], remove: ['a2'] } }],
      ['GET', '/_switchboard/tenants/contoso.example/meetingConfiguration', undefined],
      ['POST', '/_switchboard/conferences/c1/participants/p1/share', undefined],
      ['POST', '/_switchboard/conferences/c1/participants/p1/unshare', undefined],
    ]);
  });

  it('parses `meeting-config allow-remove --tenant t --add a b --remove c`', () => {
    const program = new Command('switchboard').exitOverride();
    registerMeetingConfigCommand(program);
    const command = program.commands.find((c) => c.name() === 'meeting-config')?.commands.find((c) => c.name() === 'allow-remove');
    assert.ok(command);
    command.action(() => undefined);
    program.parse(['meeting-config', 'allow-remove', '--tenant', 'contoso.example', '--add', 'a', 'b', '--remove', 'c'], { from: 'user' });
    assert.deepEqual(command.opts(), { tenant: 'contoso.example', add: ['a', 'b'], remove: ['c'] });
  });
});
