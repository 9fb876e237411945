import { DomainError } from '../domain/errors/index.js';
import { guidFromSeed, servicePrincipalIdFor } from '../domain/world/ids.js';
import { buildMeeting, defaultMeetingWindow } from '../domain/world/meeting-coordinates.js';
import type { Application, ClientCertificate, Consent, Meeting, Tenant, WorldSnapshot } from '../domain/world/types.js';
import { readCertificate } from './certificates.js';
import { newClientSecret } from './client-secrets.js';
import type { ApplicationEntry, MeetingEntry, WorldFile } from './world-file.schema.js';

export interface MaterializeContext {
  now: number;
  hashSecret(value: string): string;
}

/**
 * Turns a validated world file into stored entities. Ids the file leaves out are derived from
 * stable seeds, so applying the same file twice yields the same ids.
 */
export function entitiesFromFile(file: WorldFile, ctx: MaterializeContext): WorldSnapshot {
  const createdAt = new Date(ctx.now).toISOString();
  return {
    tenants: file.tenants.map((t): Tenant => ({ ...t, meetingConfiguration: { allowRemoveParticipantAppIds: [...t.meetingConfiguration.allowRemoveParticipantAppIds] } })),
    users: file.users.map((u) => ({ ...u })),
    applications: file.applications.map((a) => applicationFromEntry(a, createdAt, ctx.hashSecret)),
    consents: file.consents.map(
      (c): Consent => ({ tenantId: c.tenantId, appId: c.appId, servicePrincipalId: c.servicePrincipalId ?? servicePrincipalIdFor(c.tenantId, c.appId), permissions: [...new Set(c.permissions)] }),
    ),
    meetings: file.meetings.map((m) => meetingFromEntry(m, ctx.now)),
  };
}

function applicationFromEntry(entry: ApplicationEntry, createdAt: string, hashSecret: (value: string) => string): Application {
  const secrets = entry.secrets.map((s, i) =>
    newClientSecret({ id: s.id ?? guidFromSeed(`secret:${entry.appId}:${i}`), value: s.value, displayName: s.displayName, createdAt, expiresAt: s.expiresAt, keepValue: true, hashSecret }),
  );
  return {
    appId: entry.appId,
    displayName: entry.displayName,
    homeTenantId: entry.homeTenantId,
    secrets,
    certificates: uniqueBy(entry.certificates.map((pem) => certificateFromPem(entry.appId, pem, createdAt)), (c) => c.x5tS256),
    ...(entry.callingWebhookUrl ? { callingWebhookUrl: entry.callingWebhookUrl } : {}),
  };
}

/** Certificates from a file get an id derived from their thumbprint: re-applying the file keeps it. */
export function certificateFromPem(appId: string, pem: string, createdAt: string, id?: string, displayName?: string): ClientCertificate {
  const read = readCertificate(pem);
  if (!read.ok) throw new DomainError('invalidCertificate', { reason: read.reason });
  const { facts } = read;
  return {
    id: id ?? guidFromSeed(`certificate:${appId}:${facts.x5tS256}`),
    displayName: displayName ?? facts.commonName ?? '',
    pem: facts.pem,
    x5t: facts.x5t,
    x5tS256: facts.x5tS256,
    createdAt,
  };
}

function meetingFromEntry(entry: MeetingEntry, now: number): Meeting {
  const fallback = defaultMeetingWindow(entry.startDateTime ? Date.parse(entry.startDateTime) : now);
  return buildMeeting({ ...entry, startDateTime: entry.startDateTime ?? fallback.startDateTime, endDateTime: entry.endDateTime ?? fallback.endDateTime });
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}
