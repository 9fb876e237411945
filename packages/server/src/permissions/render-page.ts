import type { PermissionPage, PermissionPageRow, PermissionSummary } from './permission-page.js';
import type { ApiVersion } from './types.js';

/*
 * Text layout of a permission page for the CLI, modelled on the per-permission pages of the Graph
 * permission reference: heading, description, "Graph Methods" table (Ver | Type | Method), then the
 * permission's identity table.
 */

const VERSION_LABEL: Record<ApiVersion, string> = { 'v1.0': 'V1', beta: 'Beta' };
const PAGE_ONLY_MARK = '†';

function methodsTable(rows: PermissionPageRow[]): string[] {
  if (rows.length === 0) return ['No Graph calling method lists this permission in its permission table.'];
  const lines = rows.map((row) => `|${VERSION_LABEL[row.version]}|A|${row.method} ${row.path}${row.source === 'permissionPage' ? ` ${PAGE_ONLY_MARK}` : ''}|`);
  return ['|Ver|Type|Method|', '|---|----|------|', ...lines];
}

function footnotes(page: PermissionPage): string[] {
  const notes: string[] = [];
  if (page.rows.some((row) => row.source === 'permissionPage')) {
    notes.push(`${PAGE_ONLY_MARK} Listed on this permission's own reference page only: the method's page lists no permission for it, so Switchboard grants it to any app-only token.`);
  }
  for (const prerequisite of page.prerequisites) {
    notes.push(`Note (${prerequisite.operation}): a tenant admin must also allow the app id with PowerShell: \`${prerequisite.command}\``);
  }
  return notes.flatMap((note) => ['', note]);
}

function identityTable(page: PermissionPage): string[] {
  const heading = page.kind === 'rsc' ? '## Resource-Specific Consent (RSC) Permission' : '## Application Permission';
  const id = page.id ?? `not published (${page.idNote ?? 'no id documented'})`;
  return [
    heading,
    '|||',
    '|-|-|',
    `|**Id**|${id}|`,
    `|**Display String**|${page.displayString}|`,
    `|**Description**|${page.description}|`,
    `|**Admin Consent Required**|${page.adminConsentRequired ? 'Yes' : 'No'}|`,
  ];
}

export function renderPermissionPage(page: PermissionPage): string {
  const typeLegend = page.kind === 'rsc' ? 'A = Application permission (resource-specific consent)' : 'A = Application permission';
  return [
    `# ${page.name}`,
    '',
    `> ${page.description}`,
    '',
    '## Graph Methods',
    '',
    `Type: ${typeLegend}; the calling API supports no delegated permissions.`,
    '',
    ...methodsTable(page.rows),
    ...footnotes(page),
    '',
    ...identityTable(page),
    '',
  ].join('\n');
}

/** Plain aligned columns for `switchboard permissions`. */
export function renderPermissionList(summaries: PermissionSummary[]): string {
  const header = ['NAME', 'KIND', 'ID', 'METHODS', 'DISPLAY STRING'];
  const cells = summaries.map((s) => [s.name, s.kind, s.id ?? '(none published)', String(s.methodCount), s.displayString]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]): string => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return `${[header, ...cells].map(line).join('\n')}\n`;
}
