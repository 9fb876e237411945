import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPermission, permissionCatalogue, permissionNames } from '../../src/permissions/catalogue.js';

describe('permission catalogue', () => {
  it('lists the five tenant-wide application permissions with their app-role ids', () => {
    const ids = Object.fromEntries(permissionCatalogue.filter((p) => p.kind === 'application').map((p) => [p.name, p.id]));
    assert.deepEqual(ids, {
      'Calls.JoinGroupCall.All': 'f6b49018-60ab-4f81-83bd-22caeabfed2d',
      'Calls.JoinGroupCallAsGuest.All': 'fd7ccf6b-3d28-418b-9701-cd10f5cd2fd4',
      'Calls.Initiate.All': '284383ee-7f6e-4e40-a2a8-e85dcb029101',
      'Calls.InitiateGroupCall.All': '4c277553-8a09-487b-8023-29ee378d8324',
      'Calls.AccessMedia.All': 'a7a681dc-756e-4909-b988-f160edc6655f',
    });
  });

  it('marks the two RSC permissions as having no published id, and no admin consent', () => {
    const rsc = permissionCatalogue.filter((p) => p.kind === 'rsc');
    assert.deepEqual(rsc.map((p) => p.name), ['Calls.JoinGroupCalls.Chat', 'Calls.AccessMedia.Chat']);
    for (const permission of rsc) {
      assert.equal(permission.id, null);
      assert.ok(permission.idNote);
      assert.equal(permission.adminConsentRequired, false);
    }
  });

  it('gives every permission a display string and description, and requires admin consent for application ones', () => {
    for (const permission of permissionCatalogue) {
      assert.ok(permission.displayString.length > 0 && permission.description.length > 0, permission.name);
      if (permission.kind === 'application') assert.equal(permission.adminConsentRequired, true);
    }
    assert.equal(new Set(permissionNames()).size, 7);
  });

  it('finds permissions case-insensitively and by historic spelling', () => {
    assert.equal(findPermission('calls.initiate.all')?.name, 'Calls.Initiate.All');
    assert.equal(findPermission('Calls.JoinGroupCallsasGuest.All')?.name, 'Calls.JoinGroupCallAsGuest.All');
    assert.equal(findPermission('Calls.JoinGroupCalls.All')?.name, 'Calls.JoinGroupCall.All');
    assert.equal(findPermission('Calls.JoinGroupCalls.Chat')?.name, 'Calls.JoinGroupCalls.Chat');
    assert.equal(findPermission('Mail.Read'), undefined);
  });
});
