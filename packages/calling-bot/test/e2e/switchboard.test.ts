/**
 * The SDK against a real Switchboard (the server package, on random loopback ports): the same
 * verifier that checks Microsoft's callbacks accepts Switchboard's once pointed at its OpenID
 * metadata URL, and an IVR flow (incoming call, answer, prompt, DTMF, hang up) is tracked and
 * awaited end to end.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { fetch as undiciFetch } from 'undici';
import { DEMO } from '../../../server/src/world/demo-world.js';
import { startE2e, type E2e } from '../../../server/test/e2e/support/harness.js';
import { people } from '../../../server/test/e2e/support/people.js';
import { Bot, CallingClient, nodeHttpHandler, type CallbackResult } from '../../src/index.js';
import { close, listen } from '../support/openid-server.js';

const prompt = { '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { '@odata.type': '#microsoft.graph.mediaInfo', uri: 'https://cdn.contoso.com/welcome.wav' } };

describe('e2e: the SDK against Switchboard', { timeout: 60_000 }, () => {
  let e2e: E2e;
  let bot: Bot;
  let hook: Server;
  let callbackUrl: string;
  const rejected: CallbackResult[] = [];
  let untrust: () => void;

  before(async () => {
    e2e = await startE2e({ inMemory: true });
    const trusted = ((url: string, init: object) => undiciFetch(url, { ...init, dispatcher: e2e.server.dispatcher })) as unknown as typeof fetch;
    // msal-node uses the global fetch; make it trust Switchboard's CA, as NODE_EXTRA_CA_CERTS would.
    untrust = e2e.server.trustGlobally();
    const msal = new ConfidentialClientApplication({
      auth: { clientId: DEMO.appId, clientSecret: DEMO.appSecret, authority: `${e2e.server.httpsUrl}/${DEMO.tenantId}`, knownAuthorities: [new URL(e2e.server.httpsUrl).host] },
    });
    const token = async (): Promise<string> => (await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }))!.accessToken;
    bot = new Bot({
      client: new CallingClient({ token, baseUrl: e2e.server.httpsUrl, fetch: trusted }),
      // The one setting that differs from production: the OpenID metadata URL.
      verifier: { appId: DEMO.appId, openIdMetadataUrl: e2e.metadataUrl, fetch: trusted, currentDate: () => new Date(e2e.server.deps.clock.now()) },
      operationTimeoutMs: 10_000,
      onRejected: (result) => rejected.push(result),
    });
    hook = createServer(nodeHttpHandler(bot));
    await listen(hook);
    callbackUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/callback`;
    await people(e2e.control).setWebhook(DEMO.appId, callbackUrl);
  });
  after(async () => {
    untrust();
    await close(hook);
    await e2e.close();
  });

  it('answers an incoming call, plays a prompt, hears DTMF and hangs up', async () => {
    const incoming = new Promise<string>((resolve) => bot.tracker.once('incoming-call', (call) => resolve(call.id)));
    const callId = await people(e2e.control).callApp(DEMO.users.adele.id, DEMO.appId);
    assert.equal(await incoming, callId);
    const call = bot.call(callId);
    await call.answer({ callbackUri: callbackUrl, acceptedModalities: ['audio'], mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' } as never });
    await until(() => call.state === 'established');

    const played = await call.playPrompt({ prompts: [prompt] });
    assert.deepEqual([played.status, Number(played.resultInfo?.code)], ['completed', 200]);

    const tones: string[] = [];
    bot.tracker.on('tone', (c, tone) => c.id === callId && tones.push(tone));
    assert.equal((await call.subscribeToTone()).status?.toLowerCase(), 'completed');
    await e2e.control.expect(200, 'POST', `/calls/${callId}/dtmf`, { tones: ['tone1', 'pound'] });
    await until(() => tones.length === 2);
    assert.deepEqual(tones, ['tone1', 'pound']);

    const ended = new Promise<void>((resolve) => bot.tracker.on('call-ended', (c) => c.id === callId && resolve()));
    await call.hangUp();
    await ended;
    assert.equal(call.state, 'terminated');
    assert.deepEqual(rejected, [], 'every Switchboard callback verified');
  });
});

async function until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
