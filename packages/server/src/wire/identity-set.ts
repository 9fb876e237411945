import type { Identity } from '../domain/calls/types.js';
import { ODATA } from './odata-type.js';

export type GraphObject = Record<string, unknown>;

/**
 * A domain identity as a Graph identitySet with one member (`user`, `application`, `guest` or
 * `phone`). Examples type every set `identitySet`, even with the communicationsIdentitySet
 * members guest and phone (application-post-calls examples 9 and 10).
 */
export function identitySet(identity: Identity): GraphObject {
  const member: GraphObject = { '@odata.type': ODATA.identity };
  if (identity.displayName !== undefined) member.displayName = identity.displayName;
  member.id = identity.id;
  if (identity.tenantId !== undefined) member.tenantId = identity.tenantId;
  // An open member, spelled as the large-gallery concept page shows it (`ApplicationType`).
  if (identity.applicationType !== undefined) member.ApplicationType = identity.applicationType;
  return { '@odata.type': ODATA.identitySet, [identity.kind]: member };
}

/** participantInfo for a call's `source`; region and language are not simulated. */
export function participantInfo(identity: Identity): GraphObject {
  return { '@odata.type': ODATA.participantInfo, identity: identitySet(identity), region: null, languageId: null };
}

/** A call's `targets` entry. */
export function invitationParticipantInfo(identity: Identity): GraphObject {
  return { '@odata.type': ODATA.invitationParticipantInfo, identity: identitySet(identity) };
}
