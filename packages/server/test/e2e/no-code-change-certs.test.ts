import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { certificateNames, certsOutput, MICROSOFT_HOSTNAMES } from '../../src/cli/commands/certs.js';
import { buildProgram } from '../../src/cli/main.js';
import { startTestServer } from '../helpers/server.js';

const sansOf = (pem: string): string[] => (new X509Certificate(pem).subjectAltName ?? '').split(', ');

/** The certificate side of the no-code-change recipe: the `certs` command and `start --tls-name`. */
describe('no code change: certificates for the Microsoft host names', () => {
  it('is a registered CLI command with its flags', () => {
    const certs = buildProgram().commands.find((command) => command.name() === 'certs');
    assert.deepEqual(certs?.options.map((option) => option.long).sort(), ['--data', '--microsoft-hostnames', '--tls-name']);
  });

  it('certificateNames: --microsoft-hostnames adds the Microsoft names, --tls-name adds more', () => {
    assert.deepEqual(certificateNames({}), []);
    assert.deepEqual(certificateNames({ microsoftHostnames: true, tlsName: ['bot.test'] }), [...MICROSOFT_HOSTNAMES, 'bot.test']);
  });

  it('certs re-issues the server certificate when names are added and keeps the CA', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-certs-'));
    try {
      const plain = await certsOutput({ data: dataDir });
      assert.doesNotMatch(plain, /graph\.microsoft\.com/);
      const out = await certsOutput({ data: dataDir, microsoftHostnames: true });
      assert.match(out, /DNS:graph\.microsoft\.com/);
      assert.match(out, /DNS:login\.microsoftonline\.com/);
      assert.equal(plain.split('\n')[0], out.split('\n')[0], 'same CA path');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('start with --tls-name graph.microsoft.com --tls-name login.microsoftonline.com serves a certificate for them', async () => {
    const server = await startTestServer({ inMemory: true, flags: { tlsNames: ['graph.microsoft.com', 'login.microsoftonline.com'] } });
    try {
      const sans = sansOf(server.tls.certPem);
      for (const name of ['DNS:localhost', 'DNS:graph.microsoft.com', 'DNS:login.microsoftonline.com']) assert.ok(sans.includes(name), sans.join(', '));
    } finally {
      await server.close();
    }
  });
});
