/**
 * Application permissions the calling API checks. The two `.Chat` entries are resource-specific
 * consent permissions in real Teams; Switchboard grants them like the others.
 */
export const CALLING_PERMISSIONS = [
  'Calls.JoinGroupCall.All',
  'Calls.JoinGroupCallAsGuest.All',
  'Calls.Initiate.All',
  'Calls.InitiateGroupCall.All',
  'Calls.AccessMedia.All',
  'Calls.JoinGroupCalls.Chat',
  'Calls.AccessMedia.Chat',
] as const;

export type CallingPermission = (typeof CALLING_PERMISSIONS)[number];

export function isCallingPermission(name: string): name is CallingPermission {
  return (CALLING_PERMISSIONS as readonly string[]).includes(name);
}

/**
 * The canonical spelling of a permission name, matched without regard to case (people type
 * `calls.initiate.all`; tokens must carry the canonical `Calls.Initiate.All`).
 */
export function canonicalPermission(name: string): CallingPermission | undefined {
  const wanted = name.trim().toLowerCase();
  return CALLING_PERMISSIONS.find((p) => p.toLowerCase() === wanted);
}
