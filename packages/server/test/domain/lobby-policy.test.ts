import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinerOf, waitsInLobby } from '../../src/domain/calls/lobby-policy.js';
import type { Identity } from '../../src/domain/calls/types.js';
import { LOBBY_BYPASS_SCOPES, type LobbyBypassScope } from '../../src/domain/world/types.js';
import { TENANT, meeting } from './call-fixtures.js';

const JOINERS: Record<string, Identity> = {
  organizer: { kind: 'user', id: 'organizer', tenantId: TENANT },
  member: { kind: 'user', id: 'colleague', tenantId: TENANT },
  app: { kind: 'application', id: 'app', tenantId: TENANT },
  federated: { kind: 'user', id: 'partner', tenantId: 'tenant-b' },
  guest: { kind: 'guest', id: 'g', displayName: 'Visitor' },
};

/** Who skips the lobby under each scope (lobby-policy.ts table). */
const BYPASSES: Record<LobbyBypassScope, string[]> = {
  organizer: ['organizer'],
  invited: ['organizer'],
  organization: ['organizer', 'member', 'app'],
  organizationAndFederated: ['organizer', 'member', 'app', 'federated'],
  everyone: ['organizer', 'member', 'app', 'federated', 'guest'],
};

describe('lobby policy', () => {
  it('classifies joiners', () => {
    const m = meeting();
    assert.deepEqual(Object.values(JOINERS).map((identity) => joinerOf(m, identity)), ['organizer', 'member', 'member', 'federated', 'guest']);
  });

  for (const scope of LOBBY_BYPASS_SCOPES) {
    it(`lets exactly ${BYPASSES[scope].join(', ')} bypass under '${scope}'`, () => {
      const m = meeting({ lobbyBypass: scope });
      const bypassing = Object.entries(JOINERS).filter(([, identity]) => !waitsInLobby(m, identity)).map(([name]) => name);
      assert.deepEqual(bypassing, BYPASSES[scope]);
    });
  }
});
