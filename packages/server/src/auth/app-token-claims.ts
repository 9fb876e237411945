import { createHash, randomBytes } from 'node:crypto';
import type { Application, Consent, Tenant } from '../domain/world/types.js';

/** Graph's resource URI and first-party app id; v1 Graph tokens carry the URI as `aud`. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** Audiences our Graph gateway accepts (the trailing-slash form appears in hand-made tokens). */
export const GRAPH_AUDIENCES: readonly string[] = [GRAPH_RESOURCE, `${GRAPH_RESOURCE}/`, GRAPH_APP_ID];

/** Entra's default access-token lifetime for client credentials (`expires_in: 3599`). */
export const ACCESS_TOKEN_LIFETIME_SEC = 3599;

/**
 * `wids` of every app-only Graph token (CLIENTS.md §8): the well-known template id Entra puts
 * there for service principals.
 */
const APP_WIDS = ['0997a1d0-0d1d-4acb-b408-d5ca73121e90'];

export const stsIssuer = (tenantId: string): string => `https://sts.windows.net/${tenantId}/`;

export interface AppTokenInput {
  app: Application;
  tenant: Tenant;
  consent?: Consent;
  appidacr: '1' | '2';
  nowMs: number;
}

/**
 * The v1.0 payload Entra mints for Graph app-only tokens (CLIENTS.md §8), in Entra's order.
 * `roles` is left out when nothing is granted, as Entra does; `xms_tcdt` (tenant creation time)
 * is left out because the world does not model it.
 */
export function appTokenClaims({ app, tenant, consent, appidacr, nowMs }: AppTokenInput): Record<string, unknown> {
  const iat = Math.floor(nowMs / 1000);
  const oid = consent?.servicePrincipalId ?? derivedServicePrincipalId(app.appId, tenant.id);
  const roles = consent?.permissions.length ? { roles: [...consent.permissions] } : {};
  return {
    aud: GRAPH_RESOURCE,
    iss: stsIssuer(tenant.id),
    iat,
    nbf: iat,
    exp: iat + ACCESS_TOKEN_LIFETIME_SEC,
    aio: randomBytes(42).toString('base64'),
    app_displayname: app.displayName,
    appid: app.appId,
    appidacr,
    idp: stsIssuer(tenant.id),
    idtyp: 'app',
    oid,
    rh: `0.${randomBytes(54).toString('base64url')}.`,
    ...roles,
    sub: oid,
    tid: tenant.id,
    uti: randomBytes(16).toString('base64url'),
    ver: '1.0',
    wids: APP_WIDS,
  };
}

/**
 * A stable object id for an app that has no consent record in the tenant (its home tenant):
 * the same app and tenant always give the same GUID, so `oid`/`sub` do not change between tokens.
 */
export function derivedServicePrincipalId(appId: string, tenantId: string): string {
  const hex = createHash('sha256').update(`service-principal:${tenantId}:${appId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Graph's header `nonce`: random, and the reason Graph tokens fail standard validation. */
export const headerNonce = (): string => randomBytes(32).toString('base64url');
