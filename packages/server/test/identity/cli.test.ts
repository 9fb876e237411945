import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { registerKeysCommand, rotateOutput } from '../../src/cli/commands/keys.js';
import { dataDirOf, registerTokenCommand, tokenOutput } from '../../src/cli/commands/token.js';
import { ControlError, type controlRequest } from '../../src/cli/control-client.js';
import { BOT, CONTOSO, buildIdentity } from '../auth/fixtures.js';

type Call = { dataDir: string; method: string; path: string; body?: unknown };

/** A stand-in for controlRequest that records the call and answers `answer`. */
function fakeRequest(answer: (call: Call) => unknown, calls: Call[] = []): typeof controlRequest {
  return (async (dataDir: string, method: string, path: string, body?: unknown) => {
    const call = { dataDir, method, path, body };
    calls.push(call);
    return answer(call);
  }) as typeof controlRequest;
}

describe('switchboard token / keys', () => {
  it('token prints the raw token from POST /_switchboard/token', async () => {
    const calls: Call[] = [];
    const out = await tokenOutput({ app: BOT.appId, tenant: CONTOSO.domain, data: '/tmp/sb' }, fakeRequest(() => ({ access_token: 'tok', expires_in: 3599 }), calls));
    assert.equal(out, 'tok\n');
    assert.deepEqual(calls, [{ dataDir: '/tmp/sb', method: 'POST', path: '/_switchboard/token', body: { appId: BOT.appId, tenantId: CONTOSO.domain, appidacr: '1' } }]);
  });

  it('token --decode prints header and claims', async () => {
    const { tokens } = await buildIdentity();
    const token = await tokens.issueAppToken(BOT.appId, CONTOSO.id, '2');
    const out = JSON.parse(await tokenOutput({ app: BOT.appId, tenant: CONTOSO.id, decode: true }, fakeRequest(() => ({ access_token: token }))));
    assert.equal(out.header.alg, 'RS256');
    assert.deepEqual([out.claims.appid, out.claims.appidacr], [BOT.appId, '2']);
  });

  it('shows the Entra description of a failure', async () => {
    const failing = fakeRequest(() => {
      throw new ControlError(400, { error: 'unauthorized_client', error_description: "AADSTS700016: Application with identifier 'x' was not found.\r\nTrace ID: t" }, 'status 400');
    });
    await assert.rejects(tokenOutput({ app: 'x', tenant: CONTOSO.id }, failing), /^Error: \[switchboard\] AADSTS700016: Application with identifier 'x' was not found\.$/);
  });

  it('keys rotate prints the new kid and the published ones', async () => {
    const out = await rotateOutput({}, fakeRequest(() => ({ kid: 'new', keys: ['new', 'old'] })));
    assert.equal(out, 'new active signing key: new\npublished keys: new, old\n');
  });

  it('finds the data directory from --data, then SWITCHBOARD_DATA, then the default', () => {
    assert.equal(dataDirOf({ data: 'a' }, { SWITCHBOARD_DATA: 'b' }), 'a');
    assert.equal(dataDirOf({}, { SWITCHBOARD_DATA: 'b' }), 'b');
    assert.equal(dataDirOf({}, {}), './.switchboard');
  });

  it('registers both commands with their options', () => {
    const program = new Command('switchboard');
    registerTokenCommand(program);
    registerKeysCommand(program);
    const token = program.commands.find((c) => c.name() === 'token')!;
    assert.deepEqual(token.options.map((o) => o.long), ['--app', '--tenant', '--appidacr', '--decode', '--data']);
    const keys = program.commands.find((c) => c.name() === 'keys')!;
    assert.deepEqual(keys.commands.map((c) => c.name()), ['rotate']);
  });
});
