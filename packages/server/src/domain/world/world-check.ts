import { isCallingPermission } from './permissions.js';
import { meetingWindowProblem, upnProblem } from './rules.js';

/**
 * Cross-reference checks of a world change (`draft`) against what is already there (`base`).
 * The draft overrides base entities with the same id, as an `extend` world file or an update does.
 * Problems are reported only for draft entities, with paths into the draft, so the loader can
 * point at a line and the control API can name a field.
 */

export interface WorldProblem {
  path: (string | number)[];
  message: string;
}

export interface TenantRef {
  id: string;
  domain: string;
}
export interface UserRef {
  id: string;
  tenantId: string;
  userPrincipalName: string;
}
export interface ApplicationRef {
  appId: string;
  homeTenantId: string;
}
export interface ConsentRef {
  tenantId: string;
  appId: string;
  permissions: readonly string[];
}
export interface MeetingRef {
  id: string;
  tenantId: string;
  organizerId: string;
  joinMeetingId?: string;
  chatThreadId?: string;
  startDateTime?: string;
  endDateTime?: string;
}

export interface WorldDraft {
  tenants?: readonly TenantRef[];
  users?: readonly UserRef[];
  applications?: readonly ApplicationRef[];
  consents?: readonly ConsentRef[];
  meetings?: readonly MeetingRef[];
}

interface Merged {
  tenants: Map<string, TenantRef>;
  users: Map<string, UserRef>;
  applications: Map<string, ApplicationRef>;
  meetings: Map<string, MeetingRef>;
}

export function checkWorld(draft: WorldDraft, base: WorldDraft = {}): WorldProblem[] {
  const merged = mergeRefs(draft, base);
  return [
    ...duplicates(draft),
    ...checkTenants(draft.tenants ?? [], merged, draft),
    ...checkUsers(draft.users ?? [], merged),
    ...checkApplications(draft.applications ?? [], merged),
    ...checkConsents(draft.consents ?? [], merged),
    ...checkMeetings(draft.meetings ?? [], merged),
  ];
}

function mergeRefs(draft: WorldDraft, base: WorldDraft): Merged {
  const byId = <T>(key: (t: T) => string, ...lists: (readonly T[] | undefined)[]): Map<string, T> =>
    new Map(lists.flatMap((list) => (list ?? []).map((item) => [key(item), item] as const)));
  return {
    tenants: byId((t) => t.id, base.tenants, draft.tenants),
    users: byId((u) => u.id, base.users, draft.users),
    applications: byId((a) => a.appId, base.applications, draft.applications),
    meetings: byId((m) => m.id, base.meetings, draft.meetings),
  };
}

function duplicates(draft: WorldDraft): WorldProblem[] {
  return [
    ...duplicateKeys('tenants', draft.tenants, (t) => t.id, 'id'),
    ...duplicateKeys('users', draft.users, (u) => u.id, 'id'),
    ...duplicateKeys('applications', draft.applications, (a) => a.appId, 'appId'),
    ...duplicateKeys('consents', draft.consents, (c) => `${c.tenantId} ${c.appId}`, 'appId'),
    ...duplicateKeys('meetings', draft.meetings, (m) => m.id, 'id'),
  ];
}

function duplicateKeys<T>(kind: string, list: readonly T[] | undefined, key: (item: T) => string, field: string): WorldProblem[] {
  const first = new Map<string, number>();
  return (list ?? []).flatMap((item, index) => {
    const k = key(item).toLowerCase();
    const seen = first.get(k);
    if (seen === undefined) first.set(k, index);
    return seen === undefined ? [] : [{ path: [kind, index, field], message: `duplicate of ${kind}[${seen}]` }];
  });
}

function checkTenants(tenants: readonly TenantRef[], merged: Merged, draft: WorldDraft): WorldProblem[] {
  const draftUsers = new Set((draft.users ?? []).map((u) => u.id));
  return tenants.flatMap((tenant, i) => {
    const problems: WorldProblem[] = [];
    const clash = [...merged.tenants.values()].find((t) => t.id !== tenant.id && t.domain.toLowerCase() === tenant.domain.toLowerCase());
    if (clash) problems.push({ path: ['tenants', i, 'domain'], message: `domain '${tenant.domain}' is already used by tenant '${clash.id}'` });
    const stranded = [...merged.users.values()].filter((u) => u.tenantId === tenant.id && !draftUsers.has(u.id) && upnProblem(u.userPrincipalName, tenant.domain));
    if (stranded.length) problems.push({ path: ['tenants', i, 'domain'], message: `users of this tenant are outside '${tenant.domain}': ${stranded.map((u) => u.userPrincipalName).join(', ')}` });
    return problems;
  });
}

function checkUsers(users: readonly UserRef[], merged: Merged): WorldProblem[] {
  return users.flatMap((user, i) => {
    const tenant = merged.tenants.get(user.tenantId);
    if (!tenant) return [{ path: ['users', i, 'tenantId'], message: noSuch('tenant', user.tenantId) }];
    const problems: WorldProblem[] = [];
    const upn = upnProblem(user.userPrincipalName, tenant.domain);
    if (upn) problems.push({ path: ['users', i, 'userPrincipalName'], message: upn });
    const clash = [...merged.users.values()].find((u) => u.id !== user.id && u.userPrincipalName.toLowerCase() === user.userPrincipalName.toLowerCase());
    if (clash) problems.push({ path: ['users', i, 'userPrincipalName'], message: `'${user.userPrincipalName}' is already the userPrincipalName of user '${clash.id}'` });
    const elsewhere = [...merged.meetings.values()].find((m) => m.organizerId === user.id && m.tenantId !== user.tenantId);
    if (elsewhere) problems.push({ path: ['users', i, 'tenantId'], message: `the user organizes meeting '${elsewhere.id}' in tenant '${elsewhere.tenantId}'` });
    return problems;
  });
}

function checkApplications(applications: readonly ApplicationRef[], merged: Merged): WorldProblem[] {
  return applications.flatMap((app, i) =>
    merged.tenants.has(app.homeTenantId) ? [] : [{ path: ['applications', i, 'homeTenantId'], message: noSuch('tenant', app.homeTenantId) }],
  );
}

function checkConsents(consents: readonly ConsentRef[], merged: Merged): WorldProblem[] {
  return consents.flatMap((consent, i) => [
    ...(merged.tenants.has(consent.tenantId) ? [] : [{ path: ['consents', i, 'tenantId'], message: noSuch('tenant', consent.tenantId) }]),
    ...(merged.applications.has(consent.appId) ? [] : [{ path: ['consents', i, 'appId'], message: noSuch('application', consent.appId) }]),
    ...consent.permissions.flatMap((p, j) => (isCallingPermission(p) ? [] : [{ path: ['consents', i, 'permissions', j], message: `'${p}' is not a calling permission` }])),
  ]);
}

function checkMeetings(meetings: readonly MeetingRef[], merged: Merged): WorldProblem[] {
  return meetings.flatMap((meeting, i) => {
    const at = (field: string, message: string): WorldProblem => ({ path: ['meetings', i, field], message });
    if (!merged.tenants.has(meeting.tenantId)) return [at('tenantId', noSuch('tenant', meeting.tenantId))];
    const organizer = merged.users.get(meeting.organizerId);
    const problems: WorldProblem[] = [];
    if (!organizer) problems.push(at('organizerId', noSuch('user', meeting.organizerId)));
    else if (organizer.tenantId !== meeting.tenantId) problems.push(at('organizerId', `user '${organizer.userPrincipalName}' is in tenant '${organizer.tenantId}', not in the meeting's tenant '${meeting.tenantId}'`));
    const window = meeting.startDateTime && meeting.endDateTime ? meetingWindowProblem(meeting.startDateTime, meeting.endDateTime) : undefined;
    if (window) problems.push(at('endDateTime', window));
    problems.push(...uniqueAmongMeetings(meeting, merged, 'joinMeetingId', at), ...uniqueAmongMeetings(meeting, merged, 'chatThreadId', at));
    return problems;
  });
}

function uniqueAmongMeetings(meeting: MeetingRef, merged: Merged, field: 'joinMeetingId' | 'chatThreadId', at: (f: string, m: string) => WorldProblem): WorldProblem[] {
  const value = meeting[field];
  if (value === undefined) return [];
  const clash = [...merged.meetings.values()].find((m) => m.id !== meeting.id && m[field] === value);
  return clash ? [at(field, `'${value}' is already the ${field} of meeting '${clash.id}'`)] : [];
}

function noSuch(kind: string, id: string): string {
  return `no ${kind} with id '${id}' exists`;
}
