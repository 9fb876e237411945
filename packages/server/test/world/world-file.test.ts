import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DEMO } from '../../src/world/demo-world.js';
import { loadWorldFile, parseWorldFile } from '../../src/world/load-world-file.js';
import { WorldFileError } from '../../src/world/world-file-error.js';
import { TEST_CERT_PEM } from './world-test-kit.js';

const NORTHWIND = '11111111-1111-4111-8111-111111111111';

/** Lines are numbered in the comments: the assertions below depend on them. */
const GOOD = `# yaml-language-server: $schema=../schemas/world.schema.json
version: 1
tenants:
  - id: ${NORTHWIND}
    displayName: Northwind
    domain: northwind.example
users:
  - id: 22222222-2222-4222-8222-222222222222
    tenantId: ${NORTHWIND}
    displayName: Nancy Davolio
    userPrincipalName: nancy@northwind.example
  - id: 33333333-3333-4333-8333-333333333333
    tenantId: ${DEMO.tenantId}
    displayName: Isaiah Langer
    userPrincipalName: isaiah.langer@contoso.example
consents:
  - tenantId: ${NORTHWIND}
    appId: 44444444-4444-4444-8444-444444444444
    permissions: [Calls.JoinGroupCall.All, Calls.AccessMedia.All]
meetings:
  - id: 55555555-5555-4555-8555-555555555555
    tenantId: ${NORTHWIND}
    organizerId: 22222222-2222-4222-8222-222222222222
    subject: Northwind weekly
    joinMeetingId: "1234567"
    passcode: null
applications:
  - appId: 44444444-4444-4444-8444-444444444444
    displayName: Northwind Bot
    homeTenantId: ${NORTHWIND}
    callingWebhookUrl: https://bot.northwind.example/api/calling
    secrets:
      - value: northwind-secret
    certificates:
      - |
${TEST_CERT_PEM.trim().split('\n').map((l) => `        ${l}`).join('\n')}
`;

function problemsOf(text: string, file = 'world.yaml', options = {}): string[] {
  try {
    parseWorldFile(text, file, options);
  } catch (error) {
    assert.ok(error instanceof WorldFileError, String(error));
    return error.message.split('\n').slice(1).map((l) => l.trim());
  }
  assert.fail('expected the world file to be rejected');
}

describe('world files: parsing and located schema errors', () => {
  it('parses a YAML file that extends the demo world (references to Contoso hold)', () => {
    const file = parseWorldFile(GOOD, 'world.yaml');
    assert.equal(file.mode, 'extend');
    assert.equal(file.users[1]?.tenantId, DEMO.tenantId);
    assert.equal(file.applications[0]?.certificates.length, 1);
    assert.equal(file.meetings[0]?.passcode, null);
  });

  it('points at the line of a value of the wrong type', () => {
    const text = GOOD.replace('displayName: Nancy Davolio', 'displayName: 42');
    assert.deepEqual(problemsOf(text), ["world.yaml:10:18 users[0].displayName: expected a string, got the number 42: write it in quotes ('42')"]);
  });

  it('points at an unknown key and lists the allowed ones', () => {
    const text = GOOD.replace('    subject: Northwind weekly', '    subject: Northwind weekly\n    organizer: nancy');
    assert.deepEqual(problemsOf(text), [
      'world.yaml:25:5 meetings[0].organizer: unknown key \'organizer\' (allowed: id, tenantId, organizerId, subject, joinMeetingId, passcode, chatThreadId, lobbyBypass, isDialInBypassEnabled, startDateTime, endDateTime)',
    ]);
  });

  it('points a missing field at the object that lacks it', () => {
    const text = GOOD.replace('    displayName: Northwind Bot\n', '');
    assert.deepEqual(problemsOf(text), ['world.yaml:28:5 applications[0].displayName: required field is missing']);
  });

  it('reports dangling references, all at once, at their lines', () => {
    const text = GOOD.replace(`    tenantId: ${DEMO.tenantId}`, '    tenantId: 99999999-9999-4999-8999-999999999999').replace(
      'organizerId: 22222222-2222-4222-8222-222222222222',
      'organizerId: 33333333-3333-4333-8333-333333333333',
    );
    assert.deepEqual(problemsOf(text), [
      "world.yaml:13:15 users[1].tenantId: no tenant with id '99999999-9999-4999-8999-999999999999' exists",
      `world.yaml:23:18 meetings[0].organizerId: user 'isaiah.langer@contoso.example' is in tenant '99999999-9999-4999-8999-999999999999', not in the meeting's tenant '${NORTHWIND}'`,
    ]);
  });

  it('lists every schema problem of the file in one error', () => {
    const text = GOOD.replace('version: 1', 'version: 2').replace('domain: northwind.example', 'domain: northwind').replace('Calls.AccessMedia.All', 'Calls.Everything');
    const problems = problemsOf(text);
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.match(problems[0] ?? '', /^world\.yaml:2:10 version: /);
    assert.match(problems[1] ?? '', /^world\.yaml:6:13 tenants\[0\]\.domain: must be a DNS domain like contoso\.example$/);
    assert.match(problems[2] ?? '', /^world\.yaml:19:44 consents\[0\]\.permissions\[1\]: Invalid option: expected one of "Calls\.JoinGroupCall\.All"/);
  });

});

describe('world files: references, syntax and sources', () => {
  it('rejects a file that references the demo world in replace mode', () => {
    const problems = problemsOf(GOOD.replace('version: 1', 'version: 1\nmode: replace'));
    assert.deepEqual(problems, [`world.yaml:14:15 users[1].tenantId: no tenant with id '${DEMO.tenantId}' exists`]);
  });

  it('rejects a PEM block that is not a certificate', () => {
    const broken = GOOD.replace(/MII[A-Za-z0-9+/]{10}/, 'MIIbrokenbroken');
    assert.match(problemsOf(broken)[0] ?? '', /^world\.yaml:35:9 applications\[0\]\.certificates\[0\]: not a usable certificate: it does not parse/);
  });

  it('reports YAML syntax errors with their position', () => {
    assert.deepEqual(problemsOf('version: 1\ntenants: []\ntenants: []\n'), ['world.yaml:3:1 (root): YAML syntax: Map keys must be unique']);
    assert.deepEqual(problemsOf(''), ['world.yaml:1:1 (root): the file is empty (a world file needs at least `version: 1`)']);
  });

  it('reports JSON syntax errors with line and column, and JSON schema errors at their line', () => {
    assert.deepEqual(problemsOf('{\n  "version": 1,\n  "tenants": [\n    { "id": "x", }\n  ]\n}\n', 'world.json'), ["world.json:4:18 (root): JSON syntax: trailing comma before '}'"]);
    assert.deepEqual(problemsOf('{\n  "version": 1,\n  "users": {}\n}\n', 'world.json'), ['world.json:3:12 users: Invalid input: expected array, received object']);
  });

  it('tells JSON from YAML by content when the name has no extension', () => {
    assert.equal(parseWorldFile('{"version": 1}', 'world').version, 1);
    assert.equal(parseWorldFile('version: 1', 'world').version, 1);
    assert.match(problemsOf('{"version": 1', 'world')[0] ?? '', /^world:1:14 \(root\): JSON syntax: unexpected end of file/);
  });

  it('loads from disk and names an unreadable file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-world-'));
    try {
      await writeFile(join(dir, 'w.yml'), GOOD);
      assert.equal((await loadWorldFile(join(dir, 'w.yml'))).tenants[0]?.id, NORTHWIND);
      await assert.rejects(loadWorldFile(join(dir, 'missing.yaml')), /missing\.yaml:1:1 \(root\): cannot read the file \(ENOENT\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
