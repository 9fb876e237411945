import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import { assertionAudiences } from '../../src/auth/client-assertion.js';
import { ClientAuthenticator, clientIdOf, type ClientAuthRequest } from '../../src/auth/client-authenticator.js';
import { hashSecret } from '../../src/auth/secret-hash.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { Application } from '../../src/domain/world/types.js';
import { b64url, rejectsWith } from './assertions.js';
import { BOT, CONTOSO, NOW, TOKEN_ENDPOINT, assertionForm, buildIdentity, clientAssertion, makeCertificate, type TestCertificate } from './fixtures.js';

const DAY = 24 * 60 * 60 * 1000;

let cert: TestCertificate;
let stranger: TestCertificate;
let app: Application;
let clock: ManualClock;
let authenticator: ClientAuthenticator;
const audiences = assertionAudiences(TOKEN_ENDPOINT, CONTOSO, CONTOSO.id);
const request = (form: Record<string, string>, extra: Partial<ClientAuthRequest> = {}): ClientAuthRequest => ({ app, clientId: BOT.appId, form, audiences, ...extra });

before(async () => {
  [cert, stranger] = await Promise.all([makeCertificate(), makeCertificate()]);
  const identity = await buildIdentity([cert]);
  app = (await identity.world.application(BOT.appId))!;
  clock = identity.clock;
  authenticator = new ClientAuthenticator(clock);
});

describe('client secret', () => {
  it('accepts client_secret_post', async () => {
    assert.equal(await authenticator.authenticate(request({ client_secret: BOT.secret })), '1');
  });

  it('accepts client_secret_basic, decoded per RFC 6749 §2.3.1 or as sent', async () => {
    const special = { ...app, secrets: [{ ...app.secrets[0]!, hash: hashSecret('p@ss w+rd/=') }] };
    const encoded = { id: BOT.appId, secret: 'p@ss w+rd/=', rawSecret: encodeURIComponent('p@ss w+rd/=') };
    assert.equal(await authenticator.authenticate(request({}, { app: special, basicAuth: encoded })), '1');
    const unencoded = { id: BOT.appId, secret: 'p@ss w rd/=', rawSecret: 'p@ss w+rd/=' };
    assert.equal(await authenticator.authenticate(request({}, { app: special, basicAuth: unencoded })), '1');
  });

  it('rejects a wrong secret with AADSTS7000215', async () => {
    await rejectsWith(authenticator.authenticate(request({ client_secret: 'wrong' })), 'oauthInvalidSecret');
  });

  it('rejects a request without credentials with AADSTS7000218', async () => {
    await rejectsWith(authenticator.authenticate(request({})), 'oauthCredentialMissing');
  });

  it('rejects an expired secret with AADSTS7000222', async () => {
    const expired = { ...app, secrets: [{ ...app.secrets[0]!, expiresAt: new Date(NOW - DAY).toISOString() }] };
    await rejectsWith(authenticator.authenticate(request({ client_secret: BOT.secret }, { app: expired })), 'oauthSecretExpired');
  });
});

describe('client assertion (accepted)', () => {
  it('accepts RS256 with x5t (msal thumbprint) and PS256 with x5t#S256 (msal thumbprintSha256)', async () => {
    assert.equal(await authenticator.authenticate(request(assertionForm(await clientAssertion(cert, { alg: 'RS256' })))), '2');
    assert.equal(await authenticator.authenticate(request(assertionForm(await clientAssertion(cert, { alg: 'PS256' })))), '2');
  });

  it('accepts the same assertion twice, as msal-node reuses it until it nears expiry', async () => {
    const form = assertionForm(await clientAssertion(cert));
    await authenticator.authenticate(request(form));
    assert.equal(await authenticator.authenticate(request(form)), '2');
  });

});

describe('client assertion (audience and lifetime)', () => {
  it('accepts the login.microsoftonline.com audience (hosts mapping) and the tenant domain', async () => {
    for (const aud of [`https://login.microsoftonline.com/${CONTOSO.id}/oauth2/v2.0/token`, `https://localhost:8443/${CONTOSO.domain}/oauth2/v2.0/token`]) {
      assert.equal(await authenticator.authenticate(request(assertionForm(await clientAssertion(cert, { claims: { aud } })))), '2', aud);
    }
  });

  it('rejects a wrong audience with AADSTS50012', async () => {
    const assertion = await clientAssertion(cert, { claims: { aud: 'https://localhost:9999/other/oauth2/v2.0/token' } });
    await rejectsWith(authenticator.authenticate(request(assertionForm(assertion))), 'oauthAssertionAudience');
  });

  it('rejects an expired assertion with AADSTS700024, within five minutes of skew', async () => {
    const tenMinutesAgo = await clientAssertion(cert, { iatMs: NOW - 20 * 60 * 1000 });
    await rejectsWith(authenticator.authenticate(request(assertionForm(tenMinutesAgo))), 'oauthAssertionLifetime');
    const justExpired = await clientAssertion(cert, { iatMs: NOW - 14 * 60 * 1000 });
    assert.equal(await authenticator.authenticate(request(assertionForm(justExpired))), '2');
    const notYet = await clientAssertion(cert, { iatMs: NOW + 6 * 60 * 1000 });
    await rejectsWith(authenticator.authenticate(request(assertionForm(notYet))), 'oauthAssertionLifetime');
  });

});

describe('client assertion (rejected)', () => {
  it('rejects an unknown thumbprint with AADSTS700027', async () => {
    await rejectsWith(authenticator.authenticate(request(assertionForm(await clientAssertion(stranger)))), 'oauthAssertionKeyNotFound');
  });

  it('rejects a registered thumbprint signed by another key with AADSTS700027', async () => {
    const forged = await clientAssertion(cert, { key: stranger.privateKey });
    await rejectsWith(authenticator.authenticate(request(assertionForm(forged))), 'oauthAssertionBadSignature');
  });

  it('rejects HS256 (even keyed with the certificate) and alg none', async () => {
    const hs = await new SignJWT({ aud: TOKEN_ENDPOINT, iss: BOT.appId, sub: BOT.appId, exp: NOW / 1000 + 600 })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', x5t: cert.x5t })
      .sign(Buffer.from(cert.pem));
    await rejectsWith(authenticator.authenticate(request(assertionForm(hs))), 'oauthAssertionAlgorithm');
    const none = `${b64url({ alg: 'none', typ: 'JWT', x5t: cert.x5t })}.${b64url({ aud: TOKEN_ENDPOINT, iss: BOT.appId, sub: BOT.appId })}.`;
    await rejectsWith(authenticator.authenticate(request(assertionForm(none))), 'oauthAssertionAlgorithm');
  });

  it('checks iss = sub = client_id', async () => {
    const otherIss = await clientAssertion(cert, { claims: { iss: 'someone-else', sub: 'someone-else' } });
    await rejectsWith(authenticator.authenticate(request(assertionForm(otherIss))), 'oauthAssertionIssuer');
    const otherSub = await clientAssertion(cert, { claims: { sub: 'someone-else' } });
    await rejectsWith(authenticator.authenticate(request(assertionForm(otherSub))), 'oauthAssertionSubject');
  });

  it('requires exp', async () => {
    await rejectsWith(authenticator.authenticate(request(assertionForm(await clientAssertion(cert, { claims: { exp: undefined } })))), 'oauthAssertionMissingClaim');
  });

  it('rejects malformed assertions, foreign header types and missing thumbprints', async () => {
    await rejectsWith(authenticator.authenticate(request(assertionForm('not.a.jwt'))), 'oauthAssertionMalformed');
    await rejectsWith(authenticator.authenticate(request(assertionForm(await clientAssertion(cert, { header: { typ: 'at+jwt' } })))), 'oauthAssertionType');
    const bare = await new SignJWT({ aud: TOKEN_ENDPOINT }).setProtectedHeader({ alg: 'RS256' }).sign(cert.privateKey);
    await rejectsWith(authenticator.authenticate(request(assertionForm(bare))), 'oauthAssertionNoThumbprint');
  });

  it('checks client_assertion_type', async () => {
    const form = { ...assertionForm(await clientAssertion(cert)), client_assertion_type: 'urn:other' };
    await rejectsWith(authenticator.authenticate(request(form)), 'oauthInvalidRequest');
    await rejectsWith(authenticator.authenticate(request({ client_assertion: 'x' })), 'invalidRequest');
  });

  it('rejects a certificate outside its validity period', async () => {
    const expiredCert = await makeCertificate(NOW - 10 * DAY, NOW - DAY);
    const withExpired = { ...app, certificates: [{ ...app.certificates[0]!, pem: expiredCert.pem, x5t: expiredCert.x5t, x5tS256: expiredCert.x5tS256 }] };
    const assertion = await clientAssertion(expiredCert);
    await rejectsWith(authenticator.authenticate(request(assertionForm(assertion), { app: withExpired })), 'oauthAssertionKeyExpired');
  });
});

describe('clientIdOf', () => {
  it('takes client_id from the form or the Basic user name, and they must agree', () => {
    assert.equal(clientIdOf({ client_id: BOT.appId }), BOT.appId);
    assert.equal(clientIdOf({}, { id: BOT.appId, secret: 's' }), BOT.appId);
    assert.throws(() => clientIdOf({ client_id: BOT.appId }, { id: 'other', secret: 's' }), /differs/);
    assert.throws(() => clientIdOf({}), /client_id/);
  });
});
