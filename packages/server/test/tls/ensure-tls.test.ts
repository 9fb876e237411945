import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTls } from '../../src/tls/ensure-tls.js';

describe('local TLS material', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-tls-'));
  after(() => rm(dir, { recursive: true, force: true }));
  const now = new Date('2026-11-28T12:00:00Z');

  it('creates a CA and a server certificate it signed, with the loopback names', async () => {
    const tls = await ensureTls(dir, ['sb.test'], now);
    assert.equal(tls.caPath, join(dir, 'ca.pem'));
    assert.equal(await readFile(join(dir, 'ca.pem'), 'utf8'), tls.caPem);
    const ca = new X509Certificate(tls.caPem);
    const server = new X509Certificate(tls.certPem);
    assert.ok(ca.ca);
    assert.ok(server.checkIssued(ca) && server.verify(ca.publicKey));
    for (const name of ['DNS:localhost', 'IP Address:127.0.0.1', 'DNS:sb.test']) assert.match(server.subjectAltName ?? '', new RegExp(name));
    assert.match(server.subjectAltName ?? '', /IP Address:(::1|0:0:0:0:0:0:0:1)/);
    assert.equal((await stat(join(dir, 'ca-key.pem'))).mode & 0o077, 0);
  });

  it('reuses both on the next start', async () => {
    const first = await ensureTls(dir, ['sb.test'], now);
    const second = await ensureTls(dir, ['sb.test'], now);
    assert.equal(second.certPem, first.certPem);
    assert.equal(second.caPem, first.caPem);
  });

  it('re-issues only the server certificate when a name is added or it nears expiry', async () => {
    const before = await ensureTls(dir, ['sb.test'], now);
    const renamed = await ensureTls(dir, ['sb.test', 'other.test'], now);
    assert.notEqual(renamed.certPem, before.certPem);
    assert.equal(renamed.caPem, before.caPem);
    const late = await ensureTls(dir, ['sb.test', 'other.test'], new Date(now.getTime() + 400 * 86_400_000));
    assert.notEqual(late.certPem, renamed.certPem);
    assert.equal(late.caPem, before.caPem);
  });
});
