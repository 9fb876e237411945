import { DomainError } from '../domain/errors/index.js';
import type { Tenant } from '../domain/world/types.js';
import type { WorldReader } from '../world/world-reader.js';

/** The multi-tenant aliases Entra accepts in place of a tenant in the authority path. */
export const TENANT_ALIASES = ['common', 'organizations', 'consumers'] as const;
export type TenantAlias = (typeof TENANT_ALIASES)[number];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/i;

export function tenantAlias(segment: string): TenantAlias | undefined {
  const lower = segment.toLowerCase();
  return TENANT_ALIASES.find((alias) => alias === lower);
}

/**
 * The tenant named by the authority path segment (tenant id or verified domain), for a
 * client-credentials token request. Entra answers /common and /consumers with AADSTS9001023
 * and /organizations with AADSTS50059: an app-only token needs a tenant.
 */
export async function tokenTenant(world: WorldReader, segment: string): Promise<Tenant> {
  const alias = tenantAlias(segment);
  if (alias === 'organizations') throw new DomainError('oauthNoTenantInformation');
  if (alias) throw new DomainError('oauthCommonTenant');
  return resolveTenant(world, segment, 'oauthTenantNotFound');
}

/** Same lookup for the discovery documents, where Entra reports an unknown tenant as `invalid_tenant`. */
export async function discoveryTenant(world: WorldReader, segment: string): Promise<Tenant> {
  return resolveTenant(world, segment, 'oauthTenantNotFoundDiscovery');
}

async function resolveTenant(world: WorldReader, segment: string, notFound: 'oauthTenantNotFound' | 'oauthTenantNotFoundDiscovery'): Promise<Tenant> {
  const tenant = await world.tenantByIdOrDomain(segment);
  if (tenant) return tenant;
  if (!GUID.test(segment) && !DNS_NAME.test(segment)) throw new DomainError('oauthTenantMalformed', { tenant: segment });
  throw new DomainError(notFound, { tenant: segment });
}
