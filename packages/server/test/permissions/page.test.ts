import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { permissionPage } from '../../src/permissions/authorize.js';
import type { PermissionPage } from '../../src/permissions/permission-page.js';
import { renderPermissionPage } from '../../src/permissions/render-page.js';

/** Rows of the Calls.JoinGroupCall.All permission page, derived by scripts/derive-permissions.ts. */
interface PageFixture {
  permission: string;
  id: string;
  displayString: string;
  rows: { version: 'v1.0' | 'beta'; method: string; path: string }[];
  powershellNotes: { version: string; docPage: string; command: string }[];
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/join-group-call-page.json', import.meta.url), 'utf8')) as PageFixture;
const LABEL = { 'v1.0': 'V1', beta: 'Beta' } as const;

function pageOf(name: string): PermissionPage {
  const page = permissionPage(name);
  assert.ok(page, name);
  return page;
}

/** `V1 POST /communications/calls` for every "|Ver|A|METHOD path|" table row of a rendered page. */
function renderedRows(text: string): string[] {
  return [...text.matchAll(/^\|(V1|Beta)\|A\|(GET|POST|PATCH|DELETE) (\S+)(?: †)?\|$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
}

const rendered = renderPermissionPage(pageOf(fixture.permission));
const ours = renderedRows(rendered);
const theirs = fixture.rows.map((row) => `${LABEL[row.version]} ${row.method} ${row.path}`);

describe('Calls.JoinGroupCall.All page against the permission reference page', () => {
  it('renders every method row of the reference page (we may list more)', () => {
    assert.equal(theirs.length, 28);
    for (const row of theirs) assert.ok(ours.includes(row), `missing: ${row}`);
    assert.ok(ours.length > theirs.length);
  });

  it('keeps the reference page order', () => {
    const positions = theirs.map((row) => ours.indexOf(row));
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
  });

  it('renders the PowerShell row as a note outside the table', () => {
    const [note] = fixture.powershellNotes;
    assert.ok(note);
    const lines = rendered.split('\n').filter((line) => line.includes(note.command));
    assert.equal(lines.length, 1);
    assert.ok(!lines[0]?.startsWith('|'));
    assert.match(lines[0] ?? '', /participant\.delete/);
    assert.ok(!rendered.split('\n').some((line) => line.startsWith('|') && /PS |Set-Cs/.test(line)));
  });

  it('shows the id and display string in the identity table', () => {
    assert.ok(rendered.includes(`|**Id**|${fixture.id}|`));
    assert.ok(rendered.includes(`|**Display String**|${fixture.displayString}|`));
    assert.match(rendered, /^# Calls\.JoinGroupCall\.All$/m);
    assert.match(rendered, /^\|Ver\|Type\|Method\|$/m);
  });

  it('states the negative facts: muteAll and POST /app/calls are beta-only, call.get is not granted', () => {
    assert.ok(ours.includes('Beta POST /communications/calls/{id}/participants/muteAll'));
    assert.ok(!ours.some((row) => row.startsWith('V1 ') && row.endsWith('/muteAll')));
    assert.ok(ours.includes('Beta POST /app/calls'));
    assert.ok(!ours.includes('V1 POST /app/calls'));
    assert.ok(!ours.includes('V1 GET /communications/calls/{id}'));
  });

  it('marks the v1.0 hold-music rows as listed by the permission page only', () => {
    const pageOnly = pageOf(fixture.permission).rows.filter((row) => row.source === 'permissionPage');
    assert.deepEqual(pageOnly.map((row) => `${row.version} ${row.operation}`), ['v1.0 participant.startHoldMusic', 'v1.0 participant.stopHoldMusic']);
    assert.match(rendered, /^\|V1\|A\|POST \/communications\/calls\/\{id\}\/participants\/\{id\}\/startHoldMusic †\|$/m);
  });
});

describe('permissionPage', () => {
  it('gives each row its version, prefix and operation', () => {
    const row = pageOf('Calls.JoinGroupCall.All').rows.find((r) => r.path === '/app/calls/{id}/audioRoutingGroups' && r.method === 'POST');
    assert.deepEqual(row, { version: 'v1.0', type: 'A', method: 'POST', path: '/app/calls/{id}/audioRoutingGroups', prefix: '/app', operation: 'audioRoutingGroup.create', source: 'methodPage' });
  });

  it('is deterministic and case-insensitive', () => {
    assert.deepEqual(permissionPage('CALLS.JOINGROUPCALL.ALL'), permissionPage('Calls.JoinGroupCall.All'));
    assert.equal(renderPermissionPage(pageOf('calls.joingroupcall.all')), rendered);
  });

  it('answers undefined for an unknown name', () => {
    assert.equal(permissionPage('Calls.Nope.All'), undefined);
  });

  it('lists no methods for Calls.AccessMedia.Chat and only call.create for Calls.JoinGroupCalls.Chat', () => {
    assert.deepEqual(pageOf('Calls.AccessMedia.Chat').rows, []);
    assert.deepEqual(new Set(pageOf('Calls.JoinGroupCalls.Chat').rows.map((r) => `${r.version} ${r.operation}`)), new Set(['v1.0 call.create', 'beta call.create']));
    assert.match(renderPermissionPage(pageOf('Calls.AccessMedia.Chat')), /\|\*\*Id\*\*\|not published/);
  });

  it('does not list audio routing groups on the Initiate.All page', () => {
    assert.ok(!pageOf('Calls.Initiate.All').rows.some((row) => row.operation.startsWith('audioRoutingGroup.')));
  });
});
