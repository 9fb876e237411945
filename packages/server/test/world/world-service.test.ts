import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verifySecret } from '../../src/auth/secret-hash.js';
import { DomainError } from '../../src/domain/errors/index.js';
import { parseJoinWebUrl } from '../../src/domain/world/meeting-links.js';
import { WORLD_KINDS, type Application } from '../../src/domain/world/types.js';
import { DEMO } from '../../src/world/demo-world.js';
import { WorldReader } from '../../src/world/world-reader.js';
import { worldFileSchema, type WorldFileInput } from '../../src/world/world-file.schema.js';
import { TEST_CERT_PEM, TEST_CERT_X5T, TEST_CERT_X5T_S256, useWorldKit, worldKit } from './world-test-kit.js';

const NORTHWIND = '11111111-1111-4111-8111-111111111111';

function rejectsWith(id: string, pattern?: RegExp): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof DomainError, String(error));
    assert.equal(error.id, id, error.message);
    if (pattern) assert.match(error.message, pattern);
    return true;
  };
}

const file = (input: Omit<WorldFileInput, 'version'>) => worldFileSchema.parse({ version: 1, ...input });

describe('WorldService: seeding', () => {
  const kit = useWorldKit();
  const reader = (): WorldReader => new WorldReader(kit().store);

  it('seeds the demo world on first start, with its secrets hashed', async () => {
    assert.equal((await reader().tenants()).length, 2);
    const app = await reader().application(DEMO.appId);
    const secret = app?.secrets[0];
    assert.equal(secret?.id, DEMO.appSecretId);
    assert.ok(secret && verifySecret(DEMO.appSecret, secret.hash), 'the demo secret verifies against its hash');
    assert.equal(secret?.hint, 'swi');
    assert.equal((await reader().consent(DEMO.tenantId, DEMO.appId))?.servicePrincipalId, DEMO.appServicePrincipalId);
    assert.equal((await reader().meeting(DEMO.meetings.standup.id))?.joinWebUrl, DEMO.meetings.standup.joinWebUrl);
  });

  it('does not seed the demo world again once a tenant exists', async () => {
    await kit().service.deleteConsent(DEMO.tenantId, DEMO.limitedAppId);
    assert.deepEqual(await kit().service.seed(), { demoSeeded: false });
    assert.equal(await reader().consent(DEMO.tenantId, DEMO.limitedAppId), undefined);
  });

  it('extends: upserts the file by id on top of the demo world', async () => {
    const report = await kit().service.seed(
      file({
        tenants: [{ id: NORTHWIND, displayName: 'Northwind', domain: 'northwind.example' }],
        users: [{ ...DEMO.users.alex, displayName: 'Alex W.' }],
        consents: [{ tenantId: DEMO.tenantId, appId: DEMO.limitedAppId, permissions: ['Calls.JoinGroupCall.All'] }],
      }),
    );
    assert.deepEqual(report.applied, { mode: 'extend', tenants: 1, users: 1, applications: 0, consents: 1, meetings: 0 });
    assert.equal((await reader().tenants()).length, 3);
    assert.equal((await reader().user(DEMO.users.alex.id))?.displayName, 'Alex W.');
    assert.deepEqual((await reader().consent(DEMO.tenantId, DEMO.limitedAppId))?.permissions, ['Calls.JoinGroupCall.All']);
  });

  it('replaces: only the file remains', async () => {
    const replaced = await worldKit({ seed: false });
    try {
      const world = file({
        mode: 'replace',
        tenants: [{ id: NORTHWIND, displayName: 'Northwind', domain: 'northwind.example' }],
        applications: [{ appId: DEMO.appId, displayName: 'Bot', homeTenantId: NORTHWIND, secrets: [{ value: 's3cret-value' }] }],
      });
      assert.deepEqual(await replaced.service.seed(world), { demoSeeded: false, applied: { mode: 'replace', tenants: 1, users: 0, applications: 1, consents: 0, meetings: 0 } });
      await replaced.service.seed(world);
      const exported = await replaced.service.exportWorld();
      assert.deepEqual(exported.tenants.map((t) => t.id), [NORTHWIND]);
      assert.deepEqual([exported.users, exported.meetings, exported.consents], [[], [], []]);
      assert.equal(exported.applications[0]?.secrets[0]?.value, 's3cret-value', 'values from a world file are known');
    } finally {
      await replaced.close();
    }
  });

  it('refuses a file whose references do not hold in the store, writing nothing', async () => {
    await assert.rejects(
      kit().service.seed(file({ users: [{ id: NORTHWIND, tenantId: NORTHWIND, displayName: 'x', userPrincipalName: 'x@northwind.example' }] })),
      rejectsWith('validationFailed', /^The world file does not fit the stored world: users\[0\]\.tenantId: no tenant with id/),
    );
    assert.equal(await reader().user(NORTHWIND), undefined);
    await assert.rejects(kit().service.seed(undefined, 'replace'), rejectsWith('replaceNeedsWorldFile'));
  });
});

describe('WorldService: tenants and users', () => {
  const kit = useWorldKit();

  it('creates, reads by id or domain, updates and deletes a tenant', async () => {
    const created = await kit().service.createTenant({ displayName: 'Northwind', domain: 'Northwind.Example' });
    assert.equal(created.id, '00000000-0000-4000-8000-000000000001');
    assert.deepEqual(created.meetingConfiguration, { allowRemoveParticipantAppIds: [] });
    assert.equal((await kit().service.getTenant('northwind.example')).id, created.id);
    assert.equal((await kit().service.updateTenant(created.id, { displayName: 'Northwind Traders' })).displayName, 'Northwind Traders');
    await kit().service.deleteTenant('NORTHWIND.example');
    await assert.rejects(kit().service.getTenant(created.id), rejectsWith('tenantNotFound'));
  });

  it('refuses duplicates, clashing domains and bad formats', async () => {
    await assert.rejects(kit().service.createTenant({ id: DEMO.tenantId, displayName: 'x', domain: 'x.example' }), rejectsWith('alreadyExists', /tenant with id/));
    await assert.rejects(kit().service.createTenant({ displayName: 'x', domain: 'contoso.example' }), rejectsWith('validationFailed', /domain: domain 'contoso.example' is already used/));
    await assert.rejects(kit().service.createTenant({ displayName: 'x', domain: 'nodots', colour: 'red' } as never), rejectsWith('validationFailed', /domain: must be a DNS domain.*colour: unknown key 'colour'/));
  });

  it('refuses to delete a tenant that still has users, meetings or consents', async () => {
    await assert.rejects(kit().service.deleteTenant(DEMO.tenantId), rejectsWith('stillReferenced', /7 users, 5 meetings, 2 applications registered there, 2 consents/));
  });

  it('keeps UPNs in the tenant domain, and domain changes consistent with them', async () => {
    const user = await kit().service.createUser({ tenantId: DEMO.tenantId, displayName: 'Isaiah', userPrincipalName: 'isaiah@sales.contoso.example' });
    assert.equal((await kit().service.getUser(user.id.toUpperCase())).userPrincipalName, 'isaiah@sales.contoso.example');
    await assert.rejects(kit().service.updateUser(user.id, { userPrincipalName: 'isaiah@fabrikam.example' }), rejectsWith('validationFailed', /userPrincipalName: 'isaiah@fabrikam.example' must be in the tenant's domain/));
    await assert.rejects(kit().service.updateTenant(DEMO.tenantId, { domain: 'contoso.test' }), rejectsWith('validationFailed', /domain: users of this tenant are outside 'contoso.test'/));
    await assert.rejects(kit().service.createUser({ tenantId: NORTHWIND, displayName: 'x', userPrincipalName: 'x@y.example' }), rejectsWith('validationFailed', /tenantId: no tenant with id/));
  });

  it('refuses to delete a meeting organizer, deletes other users', async () => {
    await assert.rejects(kit().service.deleteUser(DEMO.users.adele.id), rejectsWith('stillReferenced', /5 meetings they organize/));
    await kit().service.deleteUser(DEMO.users.megan.id);
    await assert.rejects(kit().service.getUser(DEMO.users.megan.id), rejectsWith('userNotFound'));
  });

  it('updates the meeting configuration', async () => {
    const config = await kit().service.updateMeetingConfiguration('contoso.example', { allowRemoveParticipantAppIds: [DEMO.limitedAppId, DEMO.limitedAppId] });
    assert.deepEqual(config, { allowRemoveParticipantAppIds: [DEMO.limitedAppId] });
    assert.deepEqual(await kit().service.getMeetingConfiguration(DEMO.tenantId), config);
  });
});

describe('WorldService: applications', () => {
  const kit = useWorldKit();
  const reader = (): WorldReader => new WorldReader(kit().store);

  it('returns a new secret once and stores only its hash', async () => {
    const secret = await kit().service.addSecret(DEMO.limitedAppId, { displayName: 'ci' });
    assert.match(secret.value, /^[A-Za-z0-9]{3}8Q~[A-Za-z0-9_.~-]{34}$/);
    assert.equal(secret.hint, secret.value.slice(0, 3));
    const stored = (await kit().store.docs.get<Application>(WORLD_KINDS.application, DEMO.limitedAppId))?.data.secrets.find((s) => s.id === secret.id);
    assert.ok(stored && verifySecret(secret.value, stored.hash) && stored.value === undefined);
    const shown = (await kit().service.getApplication(DEMO.limitedAppId)).secrets.find((s) => s.id === secret.id);
    assert.deepEqual(shown, { id: secret.id, displayName: 'ci', hint: secret.hint, createdAt: '2026-01-15T10:00:00.000Z' });
    await kit().service.revokeSecret(DEMO.limitedAppId, secret.id);
    await assert.rejects(kit().service.revokeSecret(DEMO.limitedAppId, secret.id), rejectsWith('secretNotFound'));
  });

  it('adds a certificate with its thumbprints and rejects what is not one', async () => {
    const cert = await kit().service.addCertificate(DEMO.appId, { pem: TEST_CERT_PEM });
    assert.deepEqual([cert.x5t, cert.x5tS256, cert.displayName], [TEST_CERT_X5T, TEST_CERT_X5T_S256, 'switchboard-test-client']);
    await assert.rejects(kit().service.addCertificate(DEMO.appId, { pem: TEST_CERT_PEM }), rejectsWith('alreadyExists', /already has this certificate/));
    await assert.rejects(kit().service.addCertificate(DEMO.appId, { pem: '-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----' }), rejectsWith('invalidCertificate', /does not parse/));
    await assert.rejects(kit().service.addCertificate(DEMO.appId, { pem: `${TEST_CERT_PEM}\n-----BEGIN PRIVATE KEY-----` }), rejectsWith('invalidCertificate', /private key/));
    await assert.rejects(kit().service.addCertificate(DEMO.appId, { pem: 'hello' }), rejectsWith('validationFailed', /pem: must be a PEM certificate/));
    await kit().service.revokeCertificate(DEMO.appId, cert.id);
    await assert.rejects(kit().service.revokeCertificate(DEMO.appId, cert.id), rejectsWith('certificateNotFound'));
  });

  it('creates, updates (webhook set and cleared) and deletes an app with its consents', async () => {
    const app = await kit().service.createApplication({ displayName: 'Bot', homeTenantId: DEMO.fabrikamTenantId, callingWebhookUrl: 'https://bot.example/calling' });
    assert.deepEqual(app.secrets, []);
    assert.equal((await kit().service.updateApplication(app.appId, { callingWebhookUrl: null })).callingWebhookUrl, undefined);
    await kit().service.grantPermission(DEMO.fabrikamTenantId, app.appId, 'Calls.Initiate.All');
    await kit().service.deleteApplication(app.appId);
    assert.equal(await reader().consent(DEMO.fabrikamTenantId, app.appId), undefined);
    await assert.rejects(kit().service.createApplication({ displayName: 'Bot', homeTenantId: NORTHWIND }), rejectsWith('validationFailed', /homeTenantId: no tenant/));
  });
});

describe('WorldService: consent', () => {
  const kit = useWorldKit();
  const reader = (): WorldReader => new WorldReader(kit().store);

  it('creates the consent on first grant with a stable service principal, and revokes per permission', async () => {
    const granted = await kit().service.grantPermission('fabrikam.example', DEMO.appId, 'calls.joingroupcall.all');
    assert.deepEqual(granted.permissions, ['Calls.JoinGroupCall.All']);
    assert.match(granted.servicePrincipalId, /^[0-9a-f-]{36}$/);
    await kit().service.grantPermission(DEMO.fabrikamTenantId, DEMO.appId, 'Calls.AccessMedia.All');
    await kit().service.grantPermission(DEMO.fabrikamTenantId, DEMO.appId, 'Calls.AccessMedia.All');
    assert.deepEqual((await reader().consent(DEMO.fabrikamTenantId, DEMO.appId))?.permissions, ['Calls.JoinGroupCall.All', 'Calls.AccessMedia.All']);
    const revoked = await kit().service.revokePermission(DEMO.fabrikamTenantId, DEMO.appId, 'Calls.JoinGroupCall.All');
    assert.deepEqual(revoked?.permissions, ['Calls.AccessMedia.All']);
    await kit().service.deleteConsent(DEMO.fabrikamTenantId, DEMO.appId);
    const again = await kit().service.grantPermission(DEMO.fabrikamTenantId, DEMO.appId, 'Calls.Initiate.All');
    assert.equal(again.servicePrincipalId, granted.servicePrincipalId);
  });

  it('rejects unknown permissions, apps and tenants', async () => {
    await assert.rejects(kit().service.grantPermission(DEMO.tenantId, DEMO.appId, 'User.Read.All'), rejectsWith('unknownPermission', /'User.Read.All' is not a calling permission. Known permissions: Calls.JoinGroupCall.All/));
    await assert.rejects(kit().service.setConsent(DEMO.tenantId, NORTHWIND, []), rejectsWith('applicationNotFound'));
    await assert.rejects(kit().service.grantPermission('nowhere.example', DEMO.appId, 'Calls.Initiate.All'), rejectsWith('tenantNotFound', /'nowhere.example'/));
    await assert.rejects(kit().service.getConsent(DEMO.fabrikamTenantId, DEMO.appId), rejectsWith('consentNotFound'));
  });

  it('replaces the whole list with setConsent', async () => {
    const consent = await kit().service.setConsent(DEMO.tenantId, DEMO.appId, ['Calls.Initiate.All', 'calls.initiate.all']);
    assert.deepEqual(consent.permissions, ['Calls.Initiate.All']);
    assert.equal(consent.servicePrincipalId, DEMO.appServicePrincipalId);
    assert.deepEqual((await kit().service.listConsents('contoso.example')).length, 2);
  });
});

describe('WorldService: meetings', () => {
  const kit = useWorldKit();

  it('derives the join coordinates on create and keeps them on update', async () => {
    const meeting = await kit().service.createMeeting({ tenantId: DEMO.tenantId, organizerId: DEMO.users.megan.id, subject: 'Design review' });
    assert.match(meeting.joinMeetingId, /^\d{12,13}$/);
    assert.match(meeting.chatThreadId, /^19:meeting_[A-Za-z0-9_-]{48}@thread\.v2$/);
    assert.match(meeting.passcode ?? '', /^[A-Za-z0-9]{6}$/);
    assert.deepEqual([meeting.startDateTime, meeting.endDateTime], ['2026-01-15T10:00:00.000Z', '2026-01-15T11:00:00.000Z']);
    const updated = await kit().service.updateMeeting(meeting.id, { organizerId: DEMO.users.alex.id, passcode: null });
    assert.deepEqual([updated.joinMeetingId, updated.chatThreadId, updated.passcode], [meeting.joinMeetingId, meeting.chatThreadId, undefined]);
    const link = parseJoinWebUrl(updated.joinWebUrl);
    assert.ok(link.ok && link.parts.organizerId === DEMO.users.alex.id);
    await kit().service.deleteMeeting(meeting.id);
    await assert.rejects(kit().service.getMeeting(meeting.id), rejectsWith('meetingNotFound'));
  });

  it('refuses a foreign organizer and a join meeting id already in use', async () => {
    await assert.rejects(kit().service.createMeeting({ tenantId: DEMO.tenantId, organizerId: DEMO.users.pradeep.id, subject: 'x' }), rejectsWith('validationFailed', /organizerId: user 'pradeep.gupta@fabrikam.example' is in tenant/));
    await assert.rejects(
      kit().service.createMeeting({ tenantId: DEMO.tenantId, organizerId: DEMO.users.adele.id, subject: 'x', joinMeetingId: DEMO.meetings.standup.joinMeetingId }),
      rejectsWith('validationFailed', /joinMeetingId: '394817260531' is already the joinMeetingId of meeting/),
    );
  });
});

describe('WorldService: export', () => {
  const kit = useWorldKit();

it('exports the world without secret hashes', async () => {
  const world = await kit().service.exportWorld();
  assert.deepEqual(Object.keys(world), ['tenants', 'users', 'applications', 'consents', 'meetings']);
  assert.ok(!JSON.stringify(world).includes('scrypt$'));
  assert.equal(world.applications.find((a) => a.appId === DEMO.appId)?.secrets[0]?.value, DEMO.appSecret);
});
});
