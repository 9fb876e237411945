import { DomainError } from '../errors/index.js';
import type { Call } from './types.js';

/**
 * Which application permission authorizes each create-call scenario (BEHAVIOR.md §2.2, from the
 * examples of application-post-calls): joining a scheduled meeting needs Calls.JoinGroupCall.All
 * (or the Teams RSC Calls.JoinGroupCalls.Chat), joining as a guest Calls.JoinGroupCallAsGuest.All,
 * a group call Calls.InitiateGroupCall.All, a peer-to-peer call Calls.Initiate.All; app-hosted
 * media needs Calls.AccessMedia.All (or its RSC twin) in addition. Graph answers 403 with code
 * 7504 when the grant is missing.
 */
export type CreateScenario = { kind: 'meeting'; asGuest: boolean } | { kind: 'groupCall' } | { kind: 'peerToPeer' };

export function scenarioPermissions(scenario: CreateScenario): readonly string[] {
  if (scenario.kind === 'meeting') return scenario.asGuest ? ['Calls.JoinGroupCallAsGuest.All'] : ['Calls.JoinGroupCall.All', 'Calls.JoinGroupCalls.Chat'];
  return scenario.kind === 'groupCall' ? ['Calls.InitiateGroupCall.All'] : ['Calls.Initiate.All'];
}

const MEDIA_PERMISSIONS = ['Calls.AccessMedia.All', 'Calls.AccessMedia.Chat'];

/** The permission (of `anyOf`) that authorizes the call, recorded on it as `grantedBy`; 7504 when none. */
export function grantFor(anyOf: readonly string[], roles: readonly string[], mediaHosting: Call['mediaHosting']): string {
  const grant = anyOf.find((permission) => roles.includes(permission));
  if (!grant) throw new DomainError('insufficientTenantPermissions');
  if (mediaHosting === 'app' && !MEDIA_PERMISSIONS.some((permission) => roles.includes(permission))) throw new DomainError('insufficientTenantPermissions');
  return grant;
}
