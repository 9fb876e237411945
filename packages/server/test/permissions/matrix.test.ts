import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorizationMode, grantingPermissions, isGranted, operationsFor } from '../../src/permissions/authorize.js';
import { findPermission } from '../../src/permissions/catalogue.js';
import { methodMatrix, operationNames } from '../../src/permissions/generated/method-matrix.js';
import { API_VERSIONS } from '../../src/permissions/types.js';

const JGC = 'Calls.JoinGroupCall.All';
const GUEST = 'Calls.JoinGroupCallAsGuest.All';
const INITIATE = 'Calls.Initiate.All';
const INITIATE_GROUP = 'Calls.InitiateGroupCall.All';
const MEDIA = 'Calls.AccessMedia.All';
const RSC_JOIN = 'Calls.JoinGroupCalls.Chat';

describe('method matrix (derived from the Graph method pages)', () => {
  it('holds one entry per operation and one grant per documented method page (70)', () => {
    assert.equal(methodMatrix.length, 36);
    assert.deepEqual(methodMatrix.map((entry) => entry.operation), [...operationNames]);
    const pages = methodMatrix.reduce((sum, entry) => sum + Object.keys(entry.versions).length, 0);
    assert.equal(pages, 70);
  });

  it('names only catalogue permissions, canonically spelled', () => {
    for (const entry of methodMatrix) {
      for (const grant of Object.values(entry.versions)) {
        for (const name of [...grant.permissions, ...grant.alsoListedBy]) assert.equal(findPermission(name)?.name, name, `${entry.operation}: ${name}`);
      }
    }
  });

  it('tags each route with the prefix its path starts with', () => {
    for (const entry of methodMatrix) {
      for (const grant of Object.values(entry.versions)) {
        for (const route of grant.routes) assert.ok(route.path.startsWith(`${route.prefix}/`), `${entry.operation}: ${route.path}`);
      }
    }
  });

  it('normalises the operation-GET page name to commsOperation.get', () => {
    assert.ok(operationNames.includes('commsOperation.get'));
    assert.ok(!operationNames.some((name) => name.includes('(')));
  });
});

describe('grantingPermissions / isGranted', () => {
  it('participant.delete v1.0: JoinGroupCall.All or JoinGroupCallAsGuest.All, not Initiate.All', () => {
    assert.deepEqual(new Set(grantingPermissions('participant.delete', 'v1.0')), new Set([JGC, GUEST]));
    assert.ok(isGranted('participant.delete', 'v1.0', [JGC]));
    assert.ok(isGranted('participant.delete', 'v1.0', [GUEST]));
    assert.ok(!isGranted('participant.delete', 'v1.0', [INITIATE, INITIATE_GROUP, MEDIA]));
  });

  it('call.create is granted by the five listed permissions (RSC included), not by AccessMedia alone', () => {
    for (const version of API_VERSIONS) {
      assert.deepEqual(new Set(grantingPermissions('call.create', version)), new Set([RSC_JOIN, GUEST, JGC, INITIATE, INITIATE_GROUP]));
      assert.ok(!isGranted('call.create', version, [MEDIA]));
    }
  });

  it('audioRoutingGroup.* is never granted to Initiate.All', () => {
    const operations = operationNames.filter((name) => name.startsWith('audioRoutingGroup.'));
    assert.equal(operations.length, 5);
    for (const operation of operations) {
      for (const version of API_VERSIONS) {
        assert.ok(!isGranted(operation, version, [INITIATE]), `${operation} ${version}`);
        assert.ok(isGranted(operation, version, [INITIATE_GROUP]), `${operation} ${version}`);
      }
    }
  });

  it('muteAll and configureMixer exist in beta only; asking v1.0 throws and never grants', () => {
    for (const operation of ['participant.muteAll', 'participant.configureMixer'] as const) {
      assert.ok(operationsFor('beta').includes(operation));
      assert.ok(!operationsFor('v1.0').includes(operation));
      assert.throws(() => grantingPermissions(operation, 'v1.0'), RangeError);
      assert.ok(!isGranted(operation, 'v1.0', [JGC, GUEST]));
    }
  });

  it('keeps the hold-music quirk: v1.0 lists no permission, beta lists the two join permissions', () => {
    for (const operation of ['participant.startHoldMusic', 'participant.stopHoldMusic'] as const) {
      assert.deepEqual(grantingPermissions(operation, 'v1.0'), []);
      assert.ok(isGranted(operation, 'v1.0', []), 'empty list: any app-only token');
      assert.deepEqual(new Set(grantingPermissions(operation, 'beta')), new Set([JGC, GUEST]));
      assert.ok(!isGranted(operation, 'beta', [INITIATE]));
    }
  });

  it('call.reject and commsOperation.get list no permission in either version', () => {
    for (const version of API_VERSIONS) {
      assert.deepEqual(grantingPermissions('call.reject', version), []);
      assert.deepEqual(grantingPermissions('commsOperation.get', version), []);
    }
  });

  it('returns a copy, so callers cannot change the matrix', () => {
    grantingPermissions('call.get', 'v1.0').push('Calls.Fake');
    assert.deepEqual(grantingPermissions('call.get', 'v1.0'), [INITIATE, MEDIA]);
  });
});

describe('authorizationMode', () => {
  it('marks actions checked at call creation as callGrant', () => {
    for (const operation of ['call.get', 'call.delete', 'call.keepAlive', 'call.mute', 'call.unmute', 'call.playPrompt', 'call.cancelMediaProcessing', 'call.sendDtmfTones', 'participant.list', 'participant.startHoldMusic', 'participant.stopHoldMusic']) {
      assert.equal(authorizationMode(operation, 'v1.0'), 'callGrant', operation);
    }
    assert.equal(authorizationMode('call.reject', 'beta'), 'callGrant');
  });

  it('marks creating, joining and answering calls as method', () => {
    for (const operation of ['call.create', 'call.answer', 'participant.delete', 'participant.invite', 'audioRoutingGroup.create']) {
      assert.equal(authorizationMode(operation, 'v1.0'), 'method', operation);
    }
  });

  it('answers method (then refused by isGranted) for undocumented pairs', () => {
    assert.equal(authorizationMode('participant.muteAll', 'v1.0'), 'method');
    assert.equal(authorizationMode('no.such', 'beta'), 'method');
    assert.ok(!isGranted('no.such', 'beta', [JGC]));
  });
});

describe('routes per version and prefix', () => {
  const paths = (operation: string, version: 'v1.0' | 'beta') =>
    methodMatrix.find((entry) => entry.operation === operation)?.versions[version]?.routes.map((route) => `${route.method} ${route.path}`);

  it('documents POST /app/calls for beta only', () => {
    assert.deepEqual(paths('call.create', 'v1.0'), ['POST /communications/calls']);
    assert.deepEqual(paths('call.create', 'beta'), ['POST /app/calls', 'POST /communications/calls']);
  });

  it('keeps the /app alias for v1.0 audio routing groups and the operation GET', () => {
    assert.deepEqual(paths('audioRoutingGroup.list', 'v1.0'), ['GET /app/calls/{id}/audioRoutingGroups', 'GET /communications/calls/{id}/audioRoutingGroups']);
    assert.deepEqual(paths('commsOperation.get', 'v1.0'), ['GET /app/calls/{callId}/operations/{id}', 'GET /communications/calls/{callId}/operations/{id}']);
  });

  it('records the PowerShell tenant prerequisite on participant.delete only', () => {
    const withPrerequisite = methodMatrix.filter((entry) => entry.tenantPrerequisite !== undefined);
    assert.deepEqual(withPrerequisite.map((entry) => entry.operation), ['participant.delete']);
    assert.match(withPrerequisite[0]?.tenantPrerequisite ?? '', /^Set-CsApplicationMeetingConfiguration -AllowRemoveParticipantAppIds /);
  });
});
