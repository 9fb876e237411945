import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors/index.js';
import { CallbackUrlPolicy, type CallbackUrlPolicyOptions } from '../../src/notify/callback-url-policy.js';

const strict: CallbackUrlPolicyOptions = { callbackHosts: [], allowHttpCallbacks: false };

/** The error id check() throws for `url`, or 'ok'. */
function verdict(options: CallbackUrlPolicyOptions, url: string): string {
  try {
    new CallbackUrlPolicy(options).check(url);
    return 'ok';
  } catch (error) {
    assert.ok(error instanceof DomainError, `${url}: ${String(error)}`);
    return error.id;
  }
}

describe('CallbackUrlPolicy.check', () => {
  const table: [string, CallbackUrlPolicyOptions, string, string][] = [
    ['https to loopback', strict, 'https://localhost:9443/callback', 'ok'],
    ['http to localhost', strict, 'http://localhost:3978/api/calls', 'ok'],
    ['http to 127.0.0.1', strict, 'http://127.0.0.1:3978/api/calls', 'ok'],
    ['http to anywhere in 127/8', strict, 'http://127.9.8.7/cb', 'ok'],
    ['http to [::1]', strict, 'http://[::1]:3978/cb', 'ok'],
    ['localhost in capitals with a trailing dot', strict, 'http://LOCALHOST.:3978/cb', 'ok'],
    ['a decimal spelling of 127.0.0.1', strict, 'http://2130706433/cb', 'ok'],
    ['an unlisted host', strict, 'https://bot.example.com/cb', 'callbackUriNotAllowed'],
    ['a listed host over https', { ...strict, callbackHosts: ['bot.example.com'] }, 'https://bot.example.com/cb', 'ok'],
    ['a listed host, compared without case', { ...strict, callbackHosts: ['Bot.Example.com'] }, 'https://bot.EXAMPLE.com/cb', 'ok'],
    ['a listed host over http', { ...strict, callbackHosts: ['bot.example.com'] }, 'http://bot.example.com/cb', 'callbackHttpNotAllowed'],
    ['a listed host over http with the flag', { callbackHosts: ['bot.example.com'], allowHttpCallbacks: true }, 'http://bot.example.com/cb', 'ok'],
    ['the flag alone does not allow a host', { callbackHosts: [], allowHttpCallbacks: true }, 'http://bot.example.com/cb', 'callbackUriNotAllowed'],
    ['* allows any host over https', { ...strict, callbackHosts: ['*'] }, 'https://anything.example.net/cb', 'ok'],
    ['* still needs the flag for http', { ...strict, callbackHosts: ['*'] }, 'http://anything.example.net/cb', 'callbackHttpNotAllowed'],
    ['* allows private addresses', { ...strict, callbackHosts: ['*'] }, 'https://10.1.2.3/cb', 'ok'],
    ['cloud metadata, even with *', { callbackHosts: ['*'], allowHttpCallbacks: true }, 'http://169.254.169.254/latest/meta-data', 'callbackUriNotAllowed'],
    ['IPv6 link-local, even with *', { ...strict, callbackHosts: ['*'] }, 'https://[fe80::1]/cb', 'callbackUriNotAllowed'],
    ['0.0.0.0, even with *', { ...strict, callbackHosts: ['*'] }, 'https://0.0.0.0/cb', 'callbackUriNotAllowed'],
    ['::, even with *', { ...strict, callbackHosts: ['*'] }, 'https://[::]/cb', 'callbackUriNotAllowed'],
    ['link-local when listed explicitly', { ...strict, callbackHosts: ['169.254.10.20'] }, 'https://169.254.10.20/cb', 'ok'],
    ['IPv4-mapped loopback', strict, 'http://[::ffff:127.0.0.1]/cb', 'ok'],
    ['IPv4-mapped metadata address', { ...strict, callbackHosts: ['*'] }, 'https://[::ffff:169.254.169.254]/cb', 'callbackUriNotAllowed'],
    ['user info', strict, 'https://user:secret@localhost/cb', 'callbackUriInvalid'],
    ['a relative URL', strict, '/api/calls', 'callbackUriInvalid'],
    ['not a URL', strict, 'not a url', 'callbackUriInvalid'],
    ['another scheme', strict, 'ftp://localhost/cb', 'callbackUriInvalid'],
    ['a file URL', strict, 'file:///etc/passwd', 'callbackUriInvalid'],
  ];
  for (const [name, options, url, expected] of table) {
    it(`${name}: ${url} → ${expected}`, () => assert.equal(verdict(options, url), expected));
  }

  it('names the host and the option that allows it', () => {
    const policy = new CallbackUrlPolicy(strict);
    assert.throws(() => policy.check('https://bot.example.com/cb'), /host 'bot\.example\.com'.*--callback-host bot\.example\.com/);
    assert.throws(() => new CallbackUrlPolicy({ ...strict, callbackHosts: ['*'] }).check('http://bot.example.com/cb'), /--allow-http-callbacks/);
  });

  it('keeps credentials out of the message', () => {
    assert.throws(() => new CallbackUrlPolicy(strict).check('https://user:hunter2@localhost/cb'), (error: Error) => !error.message.includes('hunter2'));
  });
});

describe('CallbackUrlPolicy.allowsResolved (DNS-rebinding guard)', () => {
  const any = new CallbackUrlPolicy({ callbackHosts: ['*'], allowHttpCallbacks: true });
  it('lets a name reach ordinary addresses', () => {
    assert.equal(any.allowsResolved('bot.example.com', '203.0.113.7'), true);
    assert.equal(any.allowsResolved('bot.example.com', '10.0.0.8'), true);
  });

  it('refuses a name allowed only by * that resolves to loopback, link-local or unspecified', () => {
    for (const address of ['127.0.0.1', '::1', '169.254.169.254', 'fe80::1', '0.0.0.0', '::ffff:127.0.0.1']) {
      assert.equal(any.allowsResolved('rebind.example.com', address), false, address);
    }
  });

  it('allows localhost to loopback, and a name or address listed explicitly', () => {
    assert.equal(any.allowsResolved('localhost', '::1'), true);
    const listed = new CallbackUrlPolicy({ callbackHosts: ['dev.test', '127.0.0.2'], allowHttpCallbacks: false });
    assert.equal(listed.allowsResolved('dev.test', '127.0.0.1'), true);
    assert.equal(listed.allowsResolved('other.test', '127.0.0.2'), true);
    assert.equal(listed.allowsResolved('other.test', '127.0.0.1'), false);
    assert.equal(listed.allowsResolved('localhost', '169.254.169.254'), false);
  });
});
