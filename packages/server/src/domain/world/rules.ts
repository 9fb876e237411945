/** Single-entity rules, shared by the world-file loader and the control API. */

/** A DNS name with at least two labels, like the verified domains Entra accepts (`contoso.example`). No `i` flag: JSON Schema patterns carry none. */
export const DOMAIN_NAME_PATTERN = /^(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,62}$/;

/** `local@domain`: what Entra requires before it even looks at the domain. */
export const UPN_PATTERN = /^[^@\s]+@[^@\s]+$/;

export function isDomainName(value: string): boolean {
  return DOMAIN_NAME_PATTERN.test(value);
}

export function upnDomain(userPrincipalName: string): string | undefined {
  return UPN_PATTERN.test(userPrincipalName) ? userPrincipalName.slice(userPrincipalName.lastIndexOf('@') + 1).toLowerCase() : undefined;
}

/** Entra only takes UPNs in a verified domain; a tenant here has one domain, and its subdomains count. */
export function isInDomain(host: string, domain: string): boolean {
  const h = host.toLowerCase();
  const d = domain.toLowerCase();
  return h === d || h.endsWith(`.${d}`);
}

export function upnProblem(userPrincipalName: string, tenantDomain: string): string | undefined {
  const host = upnDomain(userPrincipalName);
  if (host === undefined) return `'${userPrincipalName}' is not a user principal name (expected name@${tenantDomain})`;
  if (isInDomain(host, tenantDomain)) return undefined;
  return `'${userPrincipalName}' must be in the tenant's domain '${tenantDomain}' or a subdomain of it`;
}

export function meetingWindowProblem(startDateTime: string, endDateTime: string): string | undefined {
  return Date.parse(endDateTime) > Date.parse(startDateTime) ? undefined : `must be after startDateTime (${startDateTime})`;
}
