import { DomainError } from '../../domain/errors/index.js';
import { servicePrincipalIdFor } from '../../domain/world/ids.js';
import { CALLING_PERMISSIONS, canonicalPermission, type CallingPermission } from '../../domain/world/permissions.js';
import { WORLD_KINDS, consentId, type Consent } from '../../domain/world/types.js';
import { inWorldTx, type WorldContext, type WorldTx } from '../world-tx.js';
import { findConsent, requireApplication, requireTenant } from './resolve.js';

/** Tenants may be named by id or domain, as in `switchboard consent grant --tenant contoso.example`. */

export function getConsent(ctx: WorldContext, tenant: string, appId: string): Promise<Consent> {
  return inWorldTx(ctx, async (tx) => (await requireConsent(tx, tenant, appId)).data);
}

export function listConsents(ctx: WorldContext, tenant: string): Promise<Consent[]> {
  return inWorldTx(ctx, async (tx) => {
    const { data } = await requireTenant(tx, tenant);
    return (await tx.all<Consent>(WORLD_KINDS.consent)).map((d) => d.data).filter((c) => c.tenantId === data.id);
  });
}

/** Replaces the granted list (creating the consent, and so the service principal, if needed). */
export function setConsent(ctx: WorldContext, tenant: string, appId: string, permissions: readonly string[]): Promise<Consent> {
  const canonical = canonicalPermissions(permissions);
  return inWorldTx(ctx, async (tx) => writeConsent(tx, tenant, appId, () => canonical));
}

export function grantPermission(ctx: WorldContext, tenant: string, appId: string, permission: string): Promise<Consent> {
  const [granted] = canonicalPermissions([permission]);
  return inWorldTx(ctx, async (tx) => writeConsent(tx, tenant, appId, (current) => (granted && !current.includes(granted) ? [...current, granted] : current)));
}

/** Idempotent: revoking what was never granted changes nothing. The service principal stays, as in Entra. */
export function revokePermission(ctx: WorldContext, tenant: string, appId: string, permission: string): Promise<Consent | undefined> {
  const [revoked] = canonicalPermissions([permission]);
  return inWorldTx(ctx, async (tx) => {
    const doc = await findConsentOf(tx, tenant, appId);
    if (!doc) return undefined;
    return tx.update(doc, { ...doc.data, permissions: doc.data.permissions.filter((p) => p !== revoked) });
  });
}

export function deleteConsent(ctx: WorldContext, tenant: string, appId: string): Promise<void> {
  return inWorldTx(ctx, async (tx) => tx.remove(await requireConsent(tx, tenant, appId)));
}

async function writeConsent(tx: WorldTx, tenant: string, appId: string, change: (current: string[]) => string[]): Promise<Consent> {
  const tenantDoc = await requireTenant(tx, tenant);
  const app = await requireApplication(tx, appId);
  const existing = await findConsent(tx, tenantDoc.data.id, app.data.appId);
  if (existing) return tx.update(existing, { ...existing.data, permissions: change(existing.data.permissions) });
  const consent: Consent = { tenantId: tenantDoc.data.id, appId: app.data.appId, servicePrincipalId: servicePrincipalIdFor(tenantDoc.data.id, app.data.appId), permissions: change([]) };
  return tx.insert(WORLD_KINDS.consent, consentId(consent.tenantId, consent.appId), consent);
}

async function findConsentOf(tx: WorldTx, tenant: string, appId: string) {
  const tenantDoc = await requireTenant(tx, tenant);
  const app = await requireApplication(tx, appId);
  return findConsent(tx, tenantDoc.data.id, app.data.appId);
}

async function requireConsent(tx: WorldTx, tenant: string, appId: string) {
  const doc = await findConsentOf(tx, tenant, appId);
  if (!doc) throw new DomainError('consentNotFound', { tenantId: tenant, appId });
  return doc;
}

function canonicalPermissions(names: readonly string[]): CallingPermission[] {
  const unknown = names.filter((n) => !canonicalPermission(n));
  if (unknown.length) throw new DomainError('unknownPermission', { permission: unknown.join("', '"), known: CALLING_PERMISSIONS.join(', ') });
  return [...new Set(names.map((n) => canonicalPermission(n) as CallingPermission))];
}
