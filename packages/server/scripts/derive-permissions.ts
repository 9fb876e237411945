/**
 * Derives the calling-API permission matrix and the Calls.JoinGroupCall.All page fixture from the
 * shared Graph reference (dev time only; the outputs are committed and read by nothing else):
 *
 *   src/permissions/generated/method-matrix.ts        <- graph-reference/methods.json (+ the permission page)
 *   test/permissions/fixtures/join-group-call-page.json <- mission/<permission page>.txt
 *
 * Usage (in packages/server): node --import tsx scripts/derive-permissions.ts [--shared <dir>] [--check]
 * `--shared` defaults to ../shared next to the repository root; `--check` writes nothing and fails
 * when a committed output differs from what the sources give.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findPermission } from '../src/permissions/catalogue.js';
import type { ApiVersion, HttpMethod, OperationEntry, PathPrefix, RouteTemplate, VersionGrant } from '../src/permissions/types.js';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
const MATRIX_OUT = 'src/permissions/generated/method-matrix.ts';
const FIXTURE_OUT = 'test/permissions/fixtures/join-group-call-page.json';
const PERMISSION_PAGE = 'mission/000_ae5252388d02ab48.txt';

interface MethodRecord {
  operation: string;
  version: ApiVersion;
  docPath: string;
  commit: string;
  httpPaths: string[];
  permissions: { applicationCanonical: string[] };
  permissionNotes: string;
}

interface PageRow {
  version: ApiVersion;
  method: HttpMethod;
  path: string;
}

interface PageNote {
  version: ApiVersion;
  docPage: string;
  command: string;
}

interface PermissionPageSource {
  permission: string;
  id: string;
  displayString: string;
  rows: PageRow[];
  powershellNotes: PageNote[];
}

// ---------- methods.json -> matrix ----------

/** `commsOperation.get (addLargeGalleryViewOperation)` names the page, not a distinct operation. */
const normaliseOperation = (operation: string): string => operation.replace(/\s*\(.*\)$/, '');

/** methods.json marks RSC permissions with a ` (RSC)` suffix; the catalogue carries the kind. */
function canonicalPermission(name: string): string {
  const bare = name.replace(/\s*\(RSC\)$/, '');
  const known = findPermission(bare);
  if (!known) throw new Error(`methods.json names an unknown permission: ${name}`);
  return known.name;
}

function parseRoute(httpPath: string): RouteTemplate {
  const match = /^(GET|POST|PATCH|DELETE) (\/\S+)$/.exec(httpPath);
  if (!match) throw new Error(`unexpected httpPath: ${httpPath}`);
  const path = match[2] as string;
  const prefix: PathPrefix = path.startsWith('/app/') || path === '/app/calls' ? '/app' : '/communications';
  return { method: match[1] as HttpMethod, path, prefix };
}

const routeKey = (route: { method: string; path: string }): string => `${route.method} ${route.path}`;

function versionGrant(record: MethodRecord): VersionGrant {
  const routes = record.httpPaths.map(parseRoute).sort((a, b) => routeKey(a).localeCompare(routeKey(b), 'en'));
  const permissions = record.permissions.applicationCanonical.map(canonicalPermission);
  return { routes, permissions, alsoListedBy: [], doc: `${record.docPath}@${record.commit}` };
}

/** Method pages that say the check happened when the call was created, joined or answered. */
const CHECKED_AT_CALL = /checked (when the call is created|at call creation)|no permission check at this api/i;

const WHY = {
  checkedAtCall: 'The method page says permissions are checked when the call is created, joined or answered; the action adds no check of its own.',
  noneListed: 'The method page lists no application permission: the call already belongs to the app, which was authorised when the call was created, joined or answered.',
  method: 'The permissions listed on the method page are checked on the action itself.',
};

function classify(records: MethodRecord[]): Pick<OperationEntry, 'authorization' | 'authorizationWhy'> {
  if (records.some((record) => CHECKED_AT_CALL.test(record.permissionNotes))) return { authorization: 'callGrant', authorizationWhy: WHY.checkedAtCall };
  if (records.every((record) => record.permissions.applicationCanonical.length === 0)) return { authorization: 'callGrant', authorizationWhy: WHY.noneListed };
  return { authorization: 'method', authorizationWhy: WHY.method };
}

const PREREQUISITE = /Set-CsApplicationMeetingConfiguration\s+-AllowRemoveParticipantAppIds\s+@\{[^}]*\}/;

function tenantPrerequisite(records: MethodRecord[]): string | undefined {
  return records.map((record) => PREREQUISITE.exec(record.permissionNotes)?.[0]).find((command) => command !== undefined);
}

function operationEntry(operation: string, records: MethodRecord[]): OperationEntry {
  const versions: OperationEntry['versions'] = {};
  for (const version of ['v1.0', 'beta'] as const) {
    const record = records.find((candidate) => candidate.version === version);
    if (record) versions[version] = versionGrant(record);
  }
  const prerequisite = tenantPrerequisite(records);
  return { operation, ...classify(records), ...(prerequisite ? { tenantPrerequisite: prerequisite } : {}), versions };
}

function buildMatrix(records: MethodRecord[]): OperationEntry[] {
  const byOperation = new Map<string, MethodRecord[]>();
  for (const record of records) {
    const name = normaliseOperation(record.operation);
    byOperation.set(name, [...(byOperation.get(name) ?? []), record]);
  }
  return [...byOperation.keys()].sort().map((name) => operationEntry(name, byOperation.get(name) ?? []));
}

// ---------- permission page -> fixture + alsoListedBy ----------

const VERSION_OF: Record<string, ApiVersion> = { V1: 'v1.0', Beta: 'beta' };

function tableValue(text: string, label: string): string {
  const value = new RegExp(`^\\|\\*\\*${label}\\*\\*\\|(.+)\\|$`, 'm').exec(text)?.[1];
  if (!value) throw new Error(`permission page has no ${label}`);
  return value.trim();
}

function parsePageRow(line: string, page: PermissionPageSource): void {
  const match = /^\|(V1|Beta)\|A\|\[(.+)\]\(https?:\/\/[^)]*\/api\/([\w-]+)\?[^)]*\)\|$/.exec(line);
  if (!match) return;
  const [, ver, text, docPage] = match as unknown as [string, string, string, string];
  const version = VERSION_OF[ver] as ApiVersion;
  const http = /^(GET|POST|PATCH|DELETE) (\/\S+)$/.exec(text);
  if (http) page.rows.push({ version, method: http[1] as HttpMethod, path: http[2] as string });
  else page.powershellNotes.push({ version, docPage, command: text.replace(/^PS [A-Z]:\\>\s*/, '') });
}

function parsePermissionPage(text: string): PermissionPageSource {
  const permission = /^# (\S+)/m.exec(text)?.[1];
  if (!permission) throw new Error('permission page has no heading');
  const page: PermissionPageSource = { permission, id: tableValue(text, 'Id'), displayString: tableValue(text, 'Display String'), rows: [], powershellNotes: [] };
  for (const line of text.split('\n')) parsePageRow(line.trim(), page);
  return page;
}

/** The page and the catalogue must agree on the facts both hold. */
function checkAgainstCatalogue(page: PermissionPageSource): void {
  const known = findPermission(page.permission);
  if (!known || known.id !== page.id || known.displayString !== page.displayString) {
    throw new Error(`catalogue disagrees with the permission page of ${page.permission}`);
  }
}

/** Placeholder names differ between pages ({id}, {callId}); compare shapes only. */
const shape = (route: { method: string; path: string }): string => routeKey(route).replace(/\{[^}]*\}/g, '{}').toLowerCase();

function findGrant(matrix: OperationEntry[], row: PageRow): VersionGrant {
  for (const entry of matrix) {
    const grant = entry.versions[row.version];
    if (grant?.routes.some((route) => shape(route) === shape(row))) return grant;
  }
  throw new Error(`permission page row matches no method: ${row.version} ${routeKey(row)}`);
}

/** Rows the permission page lists but the (newer) method page does not grant become `alsoListedBy`. */
function mergePageListings(matrix: OperationEntry[], page: PermissionPageSource): void {
  for (const row of page.rows) {
    const grant = findGrant(matrix, row);
    if (!grant.permissions.includes(page.permission) && !grant.alsoListedBy.includes(page.permission)) {
      (grant.alsoListedBy as string[]).push(page.permission);
    }
  }
}

/** The page's PowerShell row must be the tenant prerequisite we derived for the same method. */
function checkPageNotes(matrix: OperationEntry[], page: PermissionPageSource): void {
  for (const note of page.powershellNotes) {
    const entry = matrix.find((candidate) => candidate.versions[note.version]?.doc.includes(`/${note.docPage}.md@`));
    if (entry?.tenantPrerequisite !== note.command) throw new Error(`permission page note for ${note.docPage} matches no tenant prerequisite`);
  }
}

// ---------- output ----------

const literal = (value: unknown): string => JSON.stringify(value).replace(/","/g, '", "');

function grantLines(version: ApiVersion, grant: VersionGrant): string[] {
  const routes = grant.routes.map((route) => `        { method: ${literal(route.method)}, path: ${literal(route.path)}, prefix: ${literal(route.prefix)} },`);
  return [
    `      ${literal(version)}: {`,
    '        routes: [',
    ...routes.map((line) => `  ${line}`),
    '        ],',
    `        permissions: ${literal(grant.permissions)},`,
    `        alsoListedBy: ${literal(grant.alsoListedBy)},`,
    `        doc: ${literal(grant.doc)},`,
    '      },',
  ];
}

function entryLines(entry: OperationEntry): string[] {
  const versions = Object.entries(entry.versions) as [ApiVersion, VersionGrant][];
  return [
    '  {',
    `    operation: ${literal(entry.operation)},`,
    `    authorization: ${literal(entry.authorization)},`,
    `    authorizationWhy: ${literal(entry.authorizationWhy)},`,
    ...(entry.tenantPrerequisite ? [`    tenantPrerequisite: ${literal(entry.tenantPrerequisite)},`] : []),
    '    versions: {',
    ...versions.flatMap(([version, grant]) => grantLines(version, grant)),
    '    },',
    '  },',
  ];
}

function renderMatrixModule(matrix: OperationEntry[]): string {
  const names = matrix.map((entry) => `  ${literal(entry.operation)},`);
  return [
    '// GENERATED FILE - DO NOT EDIT. Written by packages/server/scripts/derive-permissions.ts from the shared',
    '// graph-reference methods.json (one entry per Graph method page and version) and the permission page of',
    '// Calls.JoinGroupCall.All. Regenerate: cd packages/server && node --import tsx scripts/derive-permissions.ts',
    '/* eslint-disable max-lines -- generated data: one entry per Graph method page */',
    "import type { OperationEntry } from '../types.js';",
    '',
    'export const operationNames = [',
    ...names,
    '] as const;',
    '',
    'export type OperationName = (typeof operationNames)[number];',
    '',
    'export const methodMatrix: readonly OperationEntry[] = [',
    ...matrix.flatMap(entryLines),
    '];',
    '',
  ].join('\n');
}

function renderFixture(page: PermissionPageSource): string {
  const fixture = { generatedBy: 'packages/server/scripts/derive-permissions.ts', source: `shared/${PERMISSION_PAGE} (Graph Methods table)`, ...page };
  return `${JSON.stringify(fixture, null, 2)}\n`;
}

function emit(relativePath: string, content: string, check: boolean): boolean {
  const target = resolve(packageDir, relativePath);
  if (check) {
    const fresh = existsSync(target) && readFileSync(target, 'utf8') === content;
    if (!fresh) console.error(`[derive-permissions] ${relativePath} is out of date`);
    return fresh;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
  return true;
}

function main(): void {
  const { values } = parseArgs({ options: { shared: { type: 'string' }, check: { type: 'boolean', default: false } } });
  const shared = resolve(values.shared ?? resolve(packageDir, '../../../shared'));
  const records = JSON.parse(readFileSync(resolve(shared, 'graph-reference/methods.json'), 'utf8')) as MethodRecord[];
  const page = parsePermissionPage(readFileSync(resolve(shared, PERMISSION_PAGE), 'utf8'));
  checkAgainstCatalogue(page);
  const matrix = buildMatrix(records);
  mergePageListings(matrix, page);
  checkPageNotes(matrix, page);
  const fresh = [emit(MATRIX_OUT, renderMatrixModule(matrix), values.check), emit(FIXTURE_OUT, renderFixture(page), values.check)];
  if (fresh.includes(false)) process.exitCode = 1;
  else console.log(`[derive-permissions] ${values.check ? 'up to date' : 'written'}: ${matrix.length} operations, ${page.rows.length} page rows`);
}

main();
