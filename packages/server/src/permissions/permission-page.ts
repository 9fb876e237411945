import { findPermission, permissionCatalogue } from './catalogue.js';
import { methodMatrix } from './generated/method-matrix.js';
import { API_VERSIONS, type ApiVersion, type HttpMethod, type OperationEntry, type PathPrefix, type PermissionInfo, type PermissionKind } from './types.js';

/** One row of a permission's "Graph Methods" table: a documented path that the permission grants. */
export interface PermissionPageRow {
  version: ApiVersion;
  /** Always `A` (application): the calling API supports no delegated permissions. */
  type: 'A';
  method: HttpMethod;
  path: string;
  prefix: PathPrefix;
  operation: string;
  /** `permissionPage`: only the permission's own reference page lists it (see VersionGrant.alsoListedBy). */
  source: 'methodPage' | 'permissionPage';
}

export interface TenantPrerequisite {
  operation: string;
  command: string;
}

/** The data behind a permission page of the Graph docs: identity, then every method it grants. */
export interface PermissionPage extends PermissionInfo {
  rows: PermissionPageRow[];
  prerequisites: TenantPrerequisite[];
}

export interface PermissionSummary {
  name: string;
  kind: PermissionKind;
  id: string | null;
  displayString: string;
  methodCount: number;
}

const VERSION_RANK: Record<ApiVersion, number> = { 'v1.0': 0, beta: 1 };

/**
 * Pages list rows by "METHOD path", case-insensitively, with `{id}` segments before named ones
 * (`participants/{id}/mute` before `participants/muteAll`); v1.0 before beta on equal paths.
 */
const sortKey = (row: PermissionPageRow): string => `${row.method} ${row.path}`.toLowerCase().replace(/[{}]/g, '!');

function compareRows(a: PermissionPageRow, b: PermissionPageRow): number {
  const [ka, kb] = [sortKey(a), sortKey(b)];
  if (ka !== kb) return ka < kb ? -1 : 1;
  return VERSION_RANK[a.version] - VERSION_RANK[b.version];
}

function rowsOf(entry: OperationEntry, name: string): PermissionPageRow[] {
  return API_VERSIONS.flatMap((version) => {
    const grant = entry.versions[version];
    if (!grant) return [];
    const source = grant.permissions.includes(name) ? 'methodPage' : grant.alsoListedBy.includes(name) ? 'permissionPage' : undefined;
    if (!source) return [];
    return grant.routes.map((route) => ({ version, type: 'A' as const, ...route, operation: entry.operation, source }));
  });
}

function prerequisitesOf(rows: PermissionPageRow[]): TenantPrerequisite[] {
  const operations = new Set(rows.map((row) => row.operation));
  return methodMatrix
    .filter((entry) => operations.has(entry.operation) && entry.tenantPrerequisite !== undefined)
    .map((entry) => ({ operation: entry.operation, command: entry.tenantPrerequisite as string }));
}

/** The page of one permission (name matched case-insensitively, historic spellings accepted); undefined if unknown. */
export function permissionPage(name: string): PermissionPage | undefined {
  const permission = findPermission(name);
  if (!permission) return undefined;
  const rows = methodMatrix.flatMap((entry) => rowsOf(entry, permission.name)).sort(compareRows);
  return { ...permission, historicSpellings: [...permission.historicSpellings], rows, prerequisites: prerequisitesOf(rows) };
}

/** One line per catalogue permission, in catalogue order. */
export function permissionSummaries(): PermissionSummary[] {
  return permissionCatalogue.map(({ name, kind, id, displayString }) => ({
    name,
    kind,
    id,
    displayString,
    methodCount: permissionPage(name)?.rows.length ?? 0,
  }));
}
