import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { derivedServicePrincipalId } from '../../src/auth/app-token-claims.js';
import { guidFromSeed, isGuid, servicePrincipalIdFor } from '../../src/domain/world/ids.js';
import { CALLING_PERMISSIONS, canonicalPermission, isCallingPermission } from '../../src/domain/world/permissions.js';
import { isDomainName, isInDomain, upnProblem } from '../../src/domain/world/rules.js';
import { checkWorld } from '../../src/domain/world/world-check.js';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const U1 = '33333333-3333-4333-8333-333333333333';

describe('world rules', () => {
  it('recognises GUIDs and derives name-based ones identically everywhere', () => {
    assert.ok(isGuid('24BE639F-17e8-4f9a-8e2d-be151677740d'));
    assert.ok(!isGuid('24be639f17e84f9a8e2dbe151677740d'));
    assert.equal(guidFromSeed('switchboard'), guidFromSeed('switchboard'));
    assert.match(guidFromSeed('switchboard'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('derives the service principal id exactly as the token service does', () => {
    assert.equal(servicePrincipalIdFor(T1, T2), derivedServicePrincipalId(T2, T1));
  });

  it('wants UPNs in the tenant domain or a subdomain', () => {
    assert.equal(upnProblem('ann@contoso.example', 'contoso.example'), undefined);
    assert.equal(upnProblem('ann@EU.Contoso.example', 'contoso.example'), undefined);
    assert.match(upnProblem('ann@notcontoso.example', 'contoso.example') ?? '', /must be in the tenant's domain 'contoso.example'/);
    assert.match(upnProblem('ann', 'contoso.example') ?? '', /is not a user principal name/);
    assert.ok(isInDomain('a.b.contoso.example', 'contoso.example'));
    assert.ok(isDomainName('contoso.example') && !isDomainName('contoso') && !isDomainName('-x.example'));
  });

  it('knows the calling permissions, matched without regard to case', () => {
    assert.equal(CALLING_PERMISSIONS.length, 7);
    assert.ok(isCallingPermission('Calls.JoinGroupCallAsGuest.All'));
    assert.ok(!isCallingPermission('calls.initiate.all'));
    assert.equal(canonicalPermission(' calls.initiate.all '), 'Calls.Initiate.All');
    assert.equal(canonicalPermission('User.Read.All'), undefined);
  });
});

describe('world cross-references', () => {
  const base = { tenants: [{ id: T1, domain: 'one.example' }], users: [{ id: U1, tenantId: T1, userPrincipalName: 'u@one.example' }] };

  it('reports every dangling reference with its path', () => {
    const problems = checkWorld({
      users: [{ id: T2, tenantId: T2, userPrincipalName: 'x@two.example' }],
      applications: [{ appId: T2, homeTenantId: T2 }],
      consents: [{ tenantId: T2, appId: U1, permissions: ['Calls.Nope'] }],
      meetings: [{ id: T2, tenantId: T1, organizerId: T2 }],
    }, base);
    assert.deepEqual(problems.map((p) => p.path.join('.')), ['users.0.tenantId', 'applications.0.homeTenantId', 'consents.0.tenantId', 'consents.0.appId', 'consents.0.permissions.0', 'meetings.0.organizerId']);
  });

  it('wants a meeting organizer from the meeting tenant and an end after the start', () => {
    const problems = checkWorld({
      tenants: [{ id: T2, domain: 'two.example' }],
      meetings: [{ id: T2, tenantId: T2, organizerId: U1, startDateTime: '2025-01-01T10:00:00Z', endDateTime: '2025-01-01T09:00:00Z' }],
    }, base);
    assert.deepEqual(problems.map((p) => `${p.path.join('.')} ${p.message}`), [
      `meetings.0.organizerId user 'u@one.example' is in tenant '${T1}', not in the meeting's tenant '${T2}'`,
      'meetings.0.endDateTime must be after startDateTime (2025-01-01T10:00:00Z)',
    ]);
  });

  it('finds duplicates, clashing domains and UPNs, and stranded users of a renamed domain', () => {
    const problems = checkWorld({
      tenants: [{ id: T1, domain: 'renamed.example' }, { id: T2, domain: 'RENAMED.example' }, { id: T2, domain: 'x.example' }],
      users: [{ id: T2, tenantId: T2, userPrincipalName: 'U@one.example' }],
    }, base);
    const messages = problems.map((p) => `${p.path.join('.')}: ${p.message}`);
    assert.ok(messages.includes('tenants.2.id: duplicate of tenants[1]'), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith("tenants.1.domain: domain 'RENAMED.example' is already used")));
    assert.ok(messages.includes("tenants.0.domain: users of this tenant are outside 'renamed.example': u@one.example"));
    assert.ok(messages.some((m) => m.startsWith("users.0.userPrincipalName: 'U@one.example' is already the userPrincipalName of user")));
  });
});
