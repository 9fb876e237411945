import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { callOutput } from '../../src/cli/commands/people.js';
import { END_REASONS } from '../../src/domain/calls/end-reasons.js';
import { DomainError } from '../../src/domain/errors/index.js';
import { magicPhoneCaller, magicValueRows, MAGIC_PHONE_NUMBERS } from '../../src/simulation/magic-values.js';
import { DEMO } from '../../src/world/demo-world.js';
import { WorldService } from '../../src/world/world-service.js';
import { useCallKit, invokePeopleRoute } from './call-kit.js';

const invoke = invokePeopleRoute;

describe('a phone (PSTN) caller calls an app', () => {
  const kit = useCallKit();
  beforeEach(() => new WorldService(kit().store, kit().clock).updateApplication(DEMO.appId, { callingWebhookUrl: 'https://bot.example/calls' }));

  it('creates an incoming call whose source is the phone number, in the app’s tenant', async () => {
    const reply = await invoke(kit(), 'callAppFromPhone', { number: '+14255550111' }, { appId: DEMO.appId });
    const { callId } = reply.body as { callId: string };
    assert.equal(reply.location, `/_switchboard/calls/${callId}`);
    const call = await kit().people.getCall(callId);
    assert.deepEqual(call.source, { kind: 'phone', id: '+14255550111' });
    assert.equal(call.direction, 'incoming');
    assert.equal(call.state, 'incoming');
    assert.equal(call.tenantId, DEMO.tenantId);
  });

  it('a phone caller hanging up ends the app leg with 200/540000; a user still gives 200/4521', async () => {
    const phone = await kit().people.callAppFromPhone('+14255550112', DEMO.appId, 'Reception');
    assert.equal(phone.source.displayName, 'Reception');
    await kit().people.hangUp(phone.id);
    assert.deepEqual((await kit().people.getCall(phone.id)).resultInfo, { ...END_REASONS.pstnUserHungUp });
    const user = await kit().people.callApp(DEMO.users.adele.id, DEMO.appId);
    await kit().people.hangUp(user.id);
    assert.equal((await kit().people.getCall(user.id)).resultInfo?.subcode, 4521);
  });

  it('refuses a number that is not E.164', async () => {
    await assert.rejects(kit().people.callAppFromPhone('4255550100', DEMO.appId), (e: unknown) => e instanceof DomainError && e.id === 'validationFailed');
  });
});

describe('magic phone numbers', () => {
  const magic = MAGIC_PHONE_NUMBERS.hangsUpAfterAnswer;

  it('recognises the magic number as the caller of an incoming call or the target of a peer-to-peer call', () => {
    const phone = { kind: 'phone' as const, id: magic.number };
    const bot = { kind: 'application' as const, id: 'bot' };
    assert.equal(magicPhoneCaller({ direction: 'incoming', scenario: 'incoming', source: phone, targets: [bot] }), magic);
    assert.equal(magicPhoneCaller({ direction: 'incoming', scenario: 'incoming', source: { kind: 'phone', id: '+14255550100' }, targets: [bot] }), undefined);
    assert.equal(magicPhoneCaller({ direction: 'outgoing', scenario: 'peerToPeer', source: phone, targets: [] }), undefined);
    assert.equal(magicPhoneCaller({ direction: 'outgoing', scenario: 'peerToPeer', source: bot, targets: [phone] }), magic);
    assert.equal(magicPhoneCaller({ direction: 'outgoing', scenario: 'groupCall', source: bot, targets: [phone] }), undefined);
    assert.equal(magicPhoneCaller({ direction: 'incoming', scenario: 'incoming', source: { kind: 'user', id: magic.number }, targets: [bot] }), undefined);
  });

  it('lists the number with the resultInfo of its hang-up', () => {
    const row = magicValueRows().find((r) => r.kind === 'phone');
    assert.equal(row?.value, magic.number);
    assert.deepEqual(row?.resultInfo, { code: 200, subcode: 540000, message: 'Call ended by PSTN user.' });
  });
});

describe('people call --phone (CLI)', () => {
  it('posts to the phone route with the number encoded, and names the caller', async () => {
    const calls: [string, string, unknown][] = [];
    const fake = async <T>(_dataDir: string, method: string, path: string, body?: unknown): Promise<T> => {
      calls.push([method, path, body]);
      return { callId: 'call-9' } as T;
    };
    const out = await callOutput(undefined, { app: 'a1', phone: '+14255550113', name: 'Desk' }, fake);
    assert.match(out, /phone \+14255550113 is calling app a1: incoming call call-9/);
    assert.deepEqual(calls, [['POST', '/_switchboard/phone/%2B14255550113/call', { appId: 'a1', displayName: 'Desk' }]]);
    await assert.rejects(callOutput(undefined, { app: 'a1' }, fake), /give a user id, or --phone/);
  });
});
