import type { LobbyBypassScope, Meeting } from '../world/types.js';
import type { Identity } from './types.js';

/**
 * Who waits in a meeting's lobby, from the meeting's `lobbyBypassSettings.scope` (Graph
 * onlineMeeting, lobbyBypassScope) and who is joining:
 *
 * | joiner     | organizer | invited | organization | organizationAndFederated | everyone |
 * |------------|-----------|---------|--------------|--------------------------|----------|
 * | organizer  | bypass    | bypass  | bypass       | bypass                   | bypass   |
 * | member     | lobby     | lobby   | bypass       | bypass                   | bypass   |
 * | federated  | lobby     | lobby   | lobby        | bypass                   | bypass   |
 * | guest      | lobby     | lobby   | lobby        | lobby                    | bypass   |
 *
 * `invited` behaves like `organizer` because the world has no invitation lists. An app that joins
 * with Calls.JoinGroupCall.All counts as a member of the meeting's tenant (it needs consent there);
 * an app joining as a guest is a guest, which matches what bot developers observe: a guest bot only
 * skips the lobby when everyone may (microsoft-graph-comms-samples#353).
 *
 * Phone (dial-in) callers count as guests, except that `lobbyBypassSettings.isDialInBypassEnabled`
 * lets them always skip the lobby.
 */
export type Joiner = 'organizer' | 'member' | 'federated' | 'guest';

const BYPASS: Record<LobbyBypassScope, readonly Joiner[]> = {
  organizer: ['organizer'],
  invited: ['organizer'],
  organization: ['organizer', 'member'],
  organizationAndFederated: ['organizer', 'member', 'federated'],
  everyone: ['organizer', 'member', 'federated', 'guest'],
};

export function joinerOf(meeting: Meeting, identity: Identity): Joiner {
  if (identity.kind === 'guest' || identity.kind === 'phone') return 'guest';
  if (identity.kind === 'user' && identity.id === meeting.organizerId) return 'organizer';
  return identity.tenantId === meeting.tenantId ? 'member' : 'federated';
}

export function waitsInLobby(meeting: Meeting, identity: Identity): boolean {
  if (identity.kind === 'phone' && meeting.isDialInBypassEnabled === true) return false;
  return !BYPASS[meeting.lobbyBypass].includes(joinerOf(meeting, identity));
}
