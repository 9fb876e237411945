import { DomainError } from '../domain/errors/index.js';

const DEFAULT_SUFFIX = '/.default';

/**
 * The resource of a client-credentials request: `scope` must be one `<resource>/.default`
 * (Entra v2.0 endpoint). Any resource is accepted — Teams SDK users send
 * `https://localhost:8443/.default` (CLIENTS.md §5) — and the token is always a Graph token.
 */
export function clientCredentialsResource(form: Record<string, string>): string {
  const values = (form.scope ?? '').split(/\s+/).filter(Boolean);
  if (values.length === 0) {
    // The v1 endpoint's `resource` parameter sent to v2.0: Entra names it (AADSTS901002).
    if (form.resource) throw new DomainError('oauthResourceParameter');
    throw new DomainError('invalidRequest', { param: 'scope' });
  }
  const scope = values.join(' ');
  if (values.length > 1) throw new DomainError('oauthInvalidScope', { scope });
  if (!scope.endsWith(DEFAULT_SUFFIX)) throw new DomainError('oauthScopeNotDefault', { scope });
  const resource = scope.slice(0, -DEFAULT_SUFFIX.length);
  if (!resource) throw new DomainError('oauthInvalidScope', { scope });
  return resource;
}
