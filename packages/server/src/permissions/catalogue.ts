import type { PermissionInfo } from './types.js';

/**
 * The permissions the calling API knows. Display strings and admin-consent flags follow the
 * "Calls permissions" and "Resource-specific consent" tables of Graph's permissions reference
 * (concepts/permissions-reference.md); descriptions are our own words. The five tenant-wide ids
 * are not printed in the doc revisions we read; they are the well-known app-role ids of the
 * Microsoft Graph service principal (see graph-reference BEHAVIOR.md §2.1).
 *
 * RSC permissions (Teams resource-specific consent) are granted per chat or meeting by the
 * resource owner when the Teams app is installed, so no tenant admin consent is involved and no
 * app-role id is published: their `id` is `null` and Switchboard matches them by name only.
 */
const RSC_ID_NOTE = 'No id is published for this resource-specific (RSC) permission; Switchboard identifies it by name only.';

export const permissionCatalogue: readonly PermissionInfo[] = [
  {
    name: 'Calls.Initiate.All',
    kind: 'application',
    id: '284383ee-7f6e-4e40-a2a8-e85dcb029101',
    displayString: 'Initiate outgoing 1:1 calls from the app',
    description: 'Lets an app with no signed-in user place one-to-one outgoing calls and transfer or redirect calls to people in the directory of its tenant.',
    adminConsentRequired: true,
    historicSpellings: ['Call.Initiate.All'],
  },
  {
    name: 'Calls.InitiateGroupCall.All',
    kind: 'application',
    id: '4c277553-8a09-487b-8023-29ee378d8324',
    displayString: 'Initiate outgoing group calls from the app',
    description: 'Lets an app with no signed-in user start calls with several people at once and bring participants into meetings of its tenant.',
    adminConsentRequired: true,
    historicSpellings: ['Calls.InitiateGroupCalls.All'],
  },
  {
    name: 'Calls.JoinGroupCall.All',
    kind: 'application',
    id: 'f6b49018-60ab-4f81-83bd-22caeabfed2d',
    displayString: 'Join group calls and meetings as an app',
    description: 'Lets an app with no signed-in user take part in group calls and scheduled meetings of its tenant, with the standing of a directory user rather than a guest.',
    adminConsentRequired: true,
    historicSpellings: ['Calls.JoinGroupCalls.All'],
  },
  {
    name: 'Calls.JoinGroupCallAsGuest.All',
    kind: 'application',
    id: 'fd7ccf6b-3d28-418b-9701-cd10f5cd2fd4',
    displayString: 'Join group calls and meetings as a guest',
    description: 'Lets an app with no signed-in user enter group calls and scheduled meetings of its tenant anonymously, admitted as a guest.',
    adminConsentRequired: true,
    historicSpellings: ['Calls.JoinGroupCallsasGuest.All', 'Calls.JoinGroupCallasGuest.All'],
  },
  {
    name: 'Calls.AccessMedia.All',
    kind: 'application',
    id: 'a7a681dc-756e-4909-b988-f160edc6655f',
    displayString: 'Access media streams in a call as an app',
    description: 'Lets an app with no signed-in user work directly with the audio and video streams of the calls it is in; needed on top of a call permission whenever the app hosts its own media.',
    adminConsentRequired: true,
    historicSpellings: [],
  },
  {
    name: 'Calls.JoinGroupCalls.Chat',
    kind: 'rsc',
    id: null,
    idNote: RSC_ID_NOTE,
    displayString: 'Join calls associated with this chat or meeting',
    description: 'Resource-specific grant: lets an app join the calls that belong to one chat or meeting in which it was installed, instead of any call in the tenant.',
    adminConsentRequired: false,
    historicSpellings: [],
  },
  {
    name: 'Calls.AccessMedia.Chat',
    kind: 'rsc',
    id: null,
    idNote: RSC_ID_NOTE,
    displayString: 'Access media streams in calls associated with this chat or meeting',
    description: 'Resource-specific grant: lets an app work with the media streams of the calls that belong to one chat or meeting in which it was installed.',
    adminConsentRequired: false,
    historicSpellings: [],
  },
];

/** Case-insensitive lookup by canonical name or historic spelling. */
export function findPermission(name: string): PermissionInfo | undefined {
  const wanted = name.trim().toLowerCase();
  return permissionCatalogue.find(
    (permission) => permission.name.toLowerCase() === wanted || permission.historicSpellings.some((spelling) => spelling.toLowerCase() === wanted),
  );
}

export const permissionNames = (): string[] => permissionCatalogue.map((permission) => permission.name);
