import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildJoinWebUrl } from '../../src/domain/world/meeting-links.js';
import { CALLING_PERMISSIONS } from '../../src/domain/world/permissions.js';
import { checkWorld } from '../../src/domain/world/world-check.js';
import { DEMO, DEMO_WORLD, demoWorldFile } from '../../src/world/demo-world.js';
import { worldFileSchema } from '../../src/world/world-file.schema.js';

describe('the demo world', () => {
  it('keeps its well-known ids and secrets (users and docs depend on them)', () => {
    assert.equal(DEMO.tenantId, '24be639f-17e8-4f9a-8e2d-be151677740d');
    assert.equal(DEMO.tenantDomain, 'contoso.example');
    assert.equal(DEMO.fabrikamTenantId, '42c1c96c-9a92-4d33-9d7d-a83f3c24a106');
    assert.equal(DEMO.fabrikamDomain, 'fabrikam.example');
    assert.equal(DEMO.appId, 'e30d9466-3fb9-44c1-bdfb-c0751f576358');
    assert.equal(DEMO.appSecret, 'switchboard-demo-secret-DO-NOT-USE-IN-PRODUCTION');
    assert.equal(DEMO.appSecretId, '9743e3a8-4d6c-480a-80a8-9ed073eda7c1');
    assert.equal(DEMO.appServicePrincipalId, '7b7780ad-94b9-4747-985f-84732d4f4895');
    assert.equal(DEMO.limitedAppId, 'a861b726-b6e5-4df9-8e2c-7e9b6813ebbe');
    assert.equal(DEMO.limitedAppSecret, 'switchboard-limited-secret-DO-NOT-USE-IN-PRODUCTION');
    assert.equal(DEMO.limitedAppSecretId, '78f12c6d-275b-43fd-bbc6-592f5bc80905');
    assert.equal(DEMO.limitedAppServicePrincipalId, '92815748-75e4-4a4e-894f-43d9d9e9828e');
    assert.deepEqual(
      Object.fromEntries(Object.entries(DEMO.users).map(([k, u]) => [k, `${u.id} ${u.userPrincipalName}`])),
      {
        adele: '684f9a4c-68ce-447b-a75e-6b49964b3b70 adele.vance@contoso.example',
        alex: '25e72a81-4529-42d6-a6e2-8b5bca9ebe13 alex.wilber@contoso.example',
        megan: 'd4390037-cf76-44b2-a1bf-d7e2808995f0 megan.bowen@contoso.example',
        lynne: '238d9455-9436-4521-9b86-89549f58e655 lynne.robbins@contoso.example',
        diego: 'd6c4862b-5447-41ff-91b0-c0ca714002a2 diego.siciliani@contoso.example',
        pradeep: 'd9390f75-749c-4fac-9d31-4596854325de pradeep.gupta@fabrikam.example',
        lidia: 'ab0ccfc3-2392-4c4f-9f8b-900e8dff072e lidia.holloway@fabrikam.example',
      },
    );
  });

  it('keeps its meetings fixed, with join links that match their parts', () => {
    const { standup, townHall, partnerSync } = DEMO.meetings;
    assert.deepEqual([standup.id, standup.joinMeetingId, standup.passcode], ['20800baa-0101-4476-808b-1289b755da8f', '394817260531', 'Sb7nQ2']);
    assert.deepEqual([townHall.id, townHall.joinMeetingId, townHall.passcode], ['8de73fc2-450d-4ffa-9b0d-10dbf53ccdc1', '5061938274016', 'Tw4hAL']);
    assert.deepEqual([partnerSync.id, partnerSync.joinMeetingId, partnerSync.passcode], ['9530e0cb-2242-4070-9007-02ce147e0b60', '827364915042', 'Fp9kR3']);
    assert.equal(standup.chatThreadId, '19:meeting_NzY3MDZmNzEtZDM3MC00NTllLWJmYjUtNTkxZjg3OTViNWM4@thread.v2');
    for (const m of Object.values(DEMO.meetings)) {
      assert.equal(m.joinWebUrl, buildJoinWebUrl({ threadId: m.chatThreadId, tenantId: m.tenantId, organizerId: m.organizerId }), m.subject);
    }
  });

  it('is a valid world file whose every cross reference holds', () => {
    const file = worldFileSchema.parse(DEMO_WORLD);
    assert.deepEqual(checkWorld(file), []);
    assert.deepEqual(file, demoWorldFile());
  });

  it('consents the demo bot to every calling permission in Contoso and the limited bot to one', () => {
    const file = demoWorldFile();
    const consentOf = (appId: string) => file.consents.filter((c) => c.appId === appId);
    assert.deepEqual(consentOf(DEMO.appId).map((c) => [c.tenantId, c.permissions]), [[DEMO.tenantId, [...CALLING_PERMISSIONS]]]);
    assert.deepEqual(consentOf(DEMO.limitedAppId).map((c) => [c.tenantId, c.permissions]), [[DEMO.tenantId, ['Calls.Initiate.All']]]);
    assert.ok(file.consents.every((c) => c.tenantId !== DEMO.fabrikamTenantId), 'Fabrikam has no consent, for cross-tenant 403s');
  });

  it('puts Megan Bowen, and only her, under a compliance recording policy naming the demo bot', () => {
    const file = demoWorldFile();
    assert.equal(DEMO.recordedUserId, 'd4390037-cf76-44b2-a1bf-d7e2808995f0');
    const recorded = file.users.filter((u) => u.complianceRecordingPolicy !== undefined);
    assert.deepEqual(recorded.map((u) => [u.userPrincipalName, u.complianceRecordingPolicy?.recordingAppIds]), [['megan.bowen@contoso.example', [DEMO.appId]]]);
    assert.ok(file.tenants.every((t) => t.complianceRecordingPolicy === undefined), 'no tenant-wide policy: calls without Megan answer 8506');
  });

  it("lets the demo bot remove participants in Contoso and leaves webhooks unset", () => {
    const file = demoWorldFile();
    assert.deepEqual(file.tenants.find((t) => t.id === DEMO.tenantId)?.meetingConfiguration.allowRemoveParticipantAppIds, [DEMO.appId]);
    assert.ok(file.applications.every((a) => a.callingWebhookUrl === undefined));
  });
});
