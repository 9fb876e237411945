/**
 * Shapes of the calling-API permission data: the catalogue of permissions and the
 * operation × version × permission matrix read from the Graph method pages.
 */

export const API_VERSIONS = ['v1.0', 'beta'] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

/** `/app/calls` is the deprecated alias of `/communications/calls`; both are documented per version. */
export type PathPrefix = '/communications' | '/app';
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * `callGrant`: the method page says permissions are checked when the call is created, joined or
 * answered, so the action itself only needs the call to belong to the app.
 * `method`: the permissions listed on the method page are checked on the action.
 */
export type Authorization = 'callGrant' | 'method';

export type PermissionKind = 'application' | 'rsc';

export interface PermissionInfo {
  /** Canonical name, as it appears in a token's `roles` claim. */
  name: string;
  kind: PermissionKind;
  /** App-role id of the Microsoft Graph service principal; `null` when no id is published. */
  id: string | null;
  /** Why `id` is null, when it is. */
  idNote?: string;
  displayString: string;
  /** Switchboard's own wording. */
  description: string;
  adminConsentRequired: boolean;
  /** Older spellings found in method-page tables; they denote this permission. */
  historicSpellings: readonly string[];
}

export interface RouteTemplate {
  method: HttpMethod;
  /** Path template as documented, relative to the version root. */
  path: string;
  prefix: PathPrefix;
}

export interface VersionGrant {
  routes: readonly RouteTemplate[];
  /** Canonical names from the method page's permission table; empty when it says "None". */
  permissions: readonly string[];
  /**
   * Permissions whose own reference page lists this method although the method page read
   * does not (the pages come from different doc revisions). Shown on permission pages only;
   * they never change `isGranted`.
   */
  alsoListedBy: readonly string[];
  /** Graph docs page (microsoft-graph-docs-contrib path@commit) the row was read from. */
  doc: string;
}

export interface OperationEntry {
  operation: string;
  authorization: Authorization;
  authorizationWhy: string;
  /** A tenant-side setting the method needs besides the permission (a PowerShell command). */
  tenantPrerequisite?: string;
  versions: Partial<Record<ApiVersion, VersionGrant>>;
}
