import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verifySecret } from '../../src/auth/secret-hash.js';
import { WORLD_KINDS, type Application } from '../../src/domain/world/types.js';
import { CONTROL_ROUTES } from '../../src/http/control/routes.js';
import { DEMO } from '../../src/world/demo-world.js';
import { TEST_CERT_PEM, TEST_CERT_X5T_S256 } from '../world/world-test-kit.js';
import { TEST_ADMIN_KEY } from '../helpers/app.js';
import { useControlApp } from './control-test-app.js';

const SB = '/_switchboard';

describe('control API: access and validation', () => {
  const t = useControlApp();

  it('wants the admin key on every route but the OpenAPI document', async () => {
    for (const route of CONTROL_ROUTES) {
      const url = route.url.replace(/:\w+/g, 'x');
      const res = await t().app.inject({ method: route.method, url, headers: { authorization: 'Bearer wrong' } });
      if (route.public) assert.equal(res.statusCode, 200, url);
      else {
        assert.equal(res.statusCode, 401, `${route.method} ${url}`);
        assert.equal(res.json().error.code, 'Unauthorized');
        assert.match(String(res.headers['www-authenticate']), /^Bearer/);
      }
    }
  });

  it('shows the whole world', async () => {
    const res = await t().call('GET', `${SB}/world`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().tenants.length, 2);
    assert.ok(!res.body.includes('scrypt$'));
  });

  it('answers 400 naming each bad field of a body', async () => {
    const res = await t().call('POST', `${SB}/users`, { tenantId: 'not-a-guid', displayName: 7, userPrincipalName: 'nobody', nickname: 'x' });
    assert.equal(res.statusCode, 400);
    const { code, message } = res.json().error;
    assert.equal(code, 'BadRequest');
    assert.match(message, /^The request body is invalid: /);
    assert.match(message, /tenantId: must be a GUID/);
    assert.match(message, /displayName: expected a string, got the number 7/);
    assert.match(message, /userPrincipalName: must look like name@domain/);
    assert.match(message, /nickname: unknown key 'nickname' \(allowed: id, tenantId, displayName, userPrincipalName, complianceRecordingPolicy, answerMode\)/);
  });

  it('takes an empty JSON body on bodiless routes, and rejects broken JSON', async () => {
    const url = `${SB}/tenants/${DEMO.tenantId}/consents/${DEMO.appId}/permissions/Calls.Initiate.All`;
    const headers = { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' };
    assert.equal((await t().app.inject({ method: 'DELETE', url, headers })).statusCode, 204);
    assert.equal((await t().app.inject({ method: 'PUT', url, headers })).statusCode, 200);
    const broken = await t().app.inject({ method: 'POST', url: `${SB}/tenants`, headers, payload: '{"displayName": ' });
    assert.equal(broken.statusCode, 400);
    assert.match(broken.json().error.message, /Unable to read JSON request payload/);
  });

  it('answers 400 for a missing body, a bad reference and a bad query', async () => {
    const missing = await t().call('POST', `${SB}/meetings`);
    assert.equal(missing.statusCode, 400);
    assert.match(missing.json().error.message, /\(body\): required object is missing/);
    const dangling = await t().call('POST', `${SB}/users`, { tenantId: '99999999-9999-4999-8999-999999999999', displayName: 'x', userPrincipalName: 'x@y.example' });
    assert.match(dangling.json().error.message, /tenantId: no tenant with id '99999999-9999-4999-8999-999999999999' exists/);
    const query = await t().call('GET', `${SB}/users?tenant=contoso`);
    assert.equal(query.statusCode, 400);
    assert.match(query.json().error.message, /tenant: unknown key 'tenant' \(allowed: tenantId\)/);
  });
});

describe('control API: tenants and users', () => {
  const t = useControlApp();

  it('creates, reads, updates and deletes a tenant', async () => {
    const createdRes = await t().call('POST', `${SB}/tenants`, { displayName: 'Northwind', domain: 'northwind.example' });
    assert.equal(createdRes.statusCode, 201);
    const location = String(createdRes.headers.location);
    assert.equal(location, `${SB}/tenants/${createdRes.json().id}`);
    assert.equal((await t().call('GET', `${SB}/tenants/northwind.example`)).json().id, createdRes.json().id);
    assert.equal((await t().call('PATCH', location, { displayName: 'Northwind Traders' })).json().displayName, 'Northwind Traders');
    assert.equal((await t().call('DELETE', location)).statusCode, 204);
    const gone = await t().call('GET', location);
    assert.equal(gone.statusCode, 404);
    assert.equal(gone.json().error.code, 'NotFound');
    assert.equal((await t().call('GET', `${SB}/tenants`)).json().value.length, 2);
  });

  it('manages users, filtered by tenant', async () => {
    const res = await t().call('POST', `${SB}/users`, { tenantId: DEMO.tenantId, displayName: 'Isaiah Langer', userPrincipalName: 'isaiah@contoso.example' });
    assert.equal(res.statusCode, 201);
    assert.equal((await t().call('GET', `${SB}/users?tenantId=${DEMO.fabrikamTenantId}`)).json().value.length, 2);
    assert.equal((await t().call('PATCH', String(res.headers.location), { displayName: 'Isaiah L.' })).json().displayName, 'Isaiah L.');
    assert.equal((await t().call('DELETE', `${SB}/users/${DEMO.users.adele.id}`)).statusCode, 409);
    assert.equal((await t().call('DELETE', String(res.headers.location))).statusCode, 204);
  });

  it('reads and changes the meeting configuration', async () => {
    const url = `${SB}/tenants/${DEMO.tenantId}/meetingConfiguration`;
    assert.deepEqual((await t().call('GET', url)).json(), { allowRemoveParticipantAppIds: [DEMO.appId] });
    assert.deepEqual((await t().call('PUT', url, { allowRemoveParticipantAppIds: [] })).json(), { allowRemoveParticipantAppIds: [] });
    assert.deepEqual((await t().call('PATCH', url, { allowRemoveParticipantAppIds: [DEMO.limitedAppId] })).json(), { allowRemoveParticipantAppIds: [DEMO.limitedAppId] });
    assert.equal((await t().call('PUT', url, {})).statusCode, 400);
  });
});

describe('control API: applications and consent', () => {
  const t = useControlApp();

  it('adds a secret (plaintext once), revokes it, and adds and revokes a certificate', async () => {
    const res = await t().call('POST', `${SB}/apps/${DEMO.appId}/secrets`, { displayName: 'ci' });
    assert.equal(res.statusCode, 201);
    const secret = res.json();
    assert.equal(res.headers.location, `${SB}/apps/${DEMO.appId}/secrets/${secret.id}`);
    const stored = (await t().deps.store.docs.get<Application>(WORLD_KINDS.application, DEMO.appId))?.data.secrets.find((s) => s.id === secret.id);
    assert.ok(stored && verifySecret(secret.value, stored.hash));
    const app = (await t().call('GET', `${SB}/apps/${DEMO.appId}`)).json();
    assert.equal(app.secrets.find((s: { id: string }) => s.id === secret.id).value, undefined);
    assert.equal((await t().call('DELETE', String(res.headers.location))).statusCode, 204);
    assert.equal((await t().call('DELETE', String(res.headers.location))).statusCode, 404);
    const cert = await t().call('POST', `${SB}/apps/${DEMO.appId}/certificates`, { pem: TEST_CERT_PEM });
    assert.equal(cert.statusCode, 201);
    assert.equal(cert.json().x5tS256, TEST_CERT_X5T_S256);
    assert.equal((await t().call('POST', `${SB}/apps/${DEMO.appId}/certificates`, { pem: TEST_CERT_PEM })).statusCode, 409);
    assert.equal((await t().call('DELETE', String(cert.headers.location))).statusCode, 204);
  });

  it('creates, updates and deletes an application', async () => {
    const res = await t().call('POST', `${SB}/apps`, { displayName: 'Bot', homeTenantId: DEMO.tenantId });
    assert.equal(res.statusCode, 201);
    const url = String(res.headers.location);
    assert.equal((await t().call('PATCH', url, { callingWebhookUrl: 'https://bot.example/api/calling' })).json().callingWebhookUrl, 'https://bot.example/api/calling');
    assert.match((await t().call('PATCH', url, { callingWebhookUrl: 'ftp://x' })).json().error.message, /callingWebhookUrl: must be an http\(s\) URL/);
    assert.equal((await t().call('GET', `${SB}/apps`)).json().value.length, 3);
    assert.equal((await t().call('DELETE', url)).statusCode, 204);
  });

  it('grants and revokes consent per permission and as a list', async () => {
    const consentUrl = `${SB}/tenants/fabrikam.example/consents/${DEMO.limitedAppId}`;
    assert.equal((await t().call('GET', consentUrl)).statusCode, 404);
    const granted = await t().call('PUT', `${consentUrl}/permissions/Calls.JoinGroupCall.All`);
    assert.equal(granted.statusCode, 200);
    assert.deepEqual(granted.json().permissions, ['Calls.JoinGroupCall.All']);
    assert.equal((await t().call('DELETE', `${consentUrl}/permissions/Calls.JoinGroupCall.All`)).statusCode, 204);
    assert.deepEqual((await t().call('GET', consentUrl)).json().permissions, []);
    assert.deepEqual((await t().call('PUT', consentUrl, { permissions: ['calls.initiate.all'] })).json().permissions, ['Calls.Initiate.All']);
    const unknown = await t().call('PUT', `${consentUrl}/permissions/User.Read.All`);
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().error.message, /'User.Read.All' is not a calling permission/);
    assert.equal((await t().call('GET', `${SB}/tenants/${DEMO.fabrikamTenantId}/consents`)).json().value.length, 1);
    assert.equal((await t().call('DELETE', consentUrl)).statusCode, 204);
    assert.equal((await t().call('GET', consentUrl)).statusCode, 404);
  });
});

describe('control API: meetings', () => {
  const t = useControlApp();

  it('creates meetings with derived join coordinates, and refuses to delete a busy tenant', async () => {
    const res = await t().call('POST', `${SB}/meetings`, { tenantId: DEMO.tenantId, organizerId: DEMO.users.megan.id, subject: 'Design review' });
    assert.equal(res.statusCode, 201);
    const meeting = res.json();
    assert.ok(meeting.joinWebUrl.startsWith('https://teams.microsoft.com/l/meetup-join/19%3Ameeting_'));
    assert.equal((await t().call('GET', `${SB}/meetings?tenantId=${DEMO.tenantId}`)).json().value.length, 6, 'the two demo meetings, three magic meetings (docs/magic-values.md) and the new one');
    assert.equal((await t().call('PATCH', String(res.headers.location), { subject: 'Design review (moved)' })).json().subject, 'Design review (moved)');
    assert.equal((await t().call('DELETE', String(res.headers.location))).statusCode, 204);
    const busy = await t().call('DELETE', `${SB}/tenants/${DEMO.tenantId}`);
    assert.equal(busy.statusCode, 409);
    assert.match(busy.json().error.message, /still in use by 7 users, 5 meetings/);
  });
});
