import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { STANDUP, botWith, demoBot, joinCommand } from './call-kit.js';
import { botInStandup, fails, useFeaturesKit } from './features-kit.js';

const { alex, megan } = DEMO.users;

describe('updateRecordingStatus (service)', () => {
  const kit = useFeaturesKit();

  it('answers 8506 when nobody under a compliance recording policy naming the app is in the call', async () => {
    const bot = await botInStandup(kit());
    await kit().people.joinMeeting(STANDUP.id, { userId: alex.id });
    await assert.rejects(kit().features.updateRecordingStatus(demoBot, bot.id, { status: 'recording' }), fails('notComplianceRecordingCall'));
  });

  it('records once Megan (whose policy names the demo bot) is in the meeting: completed operation, recordingInfo, roster update', async () => {
    const bot = await botInStandup(kit());
    const megansEntry = await kit().people.joinMeeting(STANDUP.id, { userId: megan.id });
    kit().notifications.clear();
    const operation = await kit().features.updateRecordingStatus(demoBot, bot.id, { status: 'recording', clientContext: 'ctx-rec' });
    assert.deepEqual([operation.type, operation.status, operation.clientContext, operation.resultInfo], ['updateRecordingStatusOperation', 'completed', 'ctx-rec', undefined]);
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:updated [${bot.myParticipantId}]`], 'no operation notification: it was completed in the response');
    const self = await kit().calls.getParticipant(demoBot, bot.id, bot.myParticipantId!);
    assert.deepEqual(self.recordingInfo, { initiator: bot.source, status: 'recording' });
    assert.deepEqual(await kit().calls.getOperation(demoBot, bot.id, operation.id), operation);

    await kit().people.leave(megansEntry.conferenceId, megansEntry.participantId);
    await assert.rejects(kit().features.updateRecordingStatus(demoBot, bot.id, { status: 'notRecording' }), fails('notComplianceRecordingCall'), 'the policy holder left');
  });

  it('reports the same status twice without a second roster update', async () => {
    const bot = await botInStandup(kit());
    await kit().world.setTenantRecordingPolicy(DEMO.tenantId, { recordingAppIds: [DEMO.appId] });
    await kit().features.updateRecordingStatus(demoBot, bot.id, { status: 'failed' });
    await kit().features.updateRecordingStatus(demoBot, bot.id, { status: 'failed' });
    assert.deepEqual(kit().notifications.to(bot.id), [`roster:updated [${bot.myParticipantId}]`]);
  });

  it('honours a tenant-wide policy, and only for the apps it names', async () => {
    const bot = await botInStandup(kit());
    await kit().world.setTenantRecordingPolicy(DEMO.tenantId, { recordingAppIds: [DEMO.limitedAppId] });
    await assert.rejects(kit().features.updateRecordingStatus(demoBot, bot.id, { status: 'recording' }), fails('notComplianceRecordingCall'));
    await kit().world.setTenantRecordingPolicy(DEMO.tenantId, { recordingAppIds: [DEMO.appId.toUpperCase()] });
    assert.equal((await kit().features.updateRecordingStatus(demoBot, bot.id, { status: 'recording' })).status, 'completed');
    await kit().world.setTenantRecordingPolicy(DEMO.tenantId, undefined);
    await assert.rejects(kit().features.updateRecordingStatus(demoBot, bot.id, { status: 'recording' }), fails('notComplianceRecordingCall'), 'effective at once');
  });

  it('needs an established leg of the caller, and a clientContext of at most 256 characters', async () => {
    const establishing = await kit().calls.createCall(demoBot, joinCommand(STANDUP));
    await assert.rejects(kit().features.updateRecordingStatus(demoBot, establishing.id, { status: 'recording' }), fails('actionNeedsEstablishedCall'));
    await kit().runTimers();
    await assert.rejects(kit().features.updateRecordingStatus(botWith(['Calls.JoinGroupCall.All'], DEMO.tenantId), 'nope', { status: 'recording' }), fails('callNotFound'));
    await assert.rejects(kit().features.updateRecordingStatus(demoBot, establishing.id, { status: 'recording', clientContext: 'x'.repeat(257) }), fails('clientContextTooLong'));
  });
});
