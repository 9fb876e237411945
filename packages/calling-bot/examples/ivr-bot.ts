/**
 * An IVR bot with @switchboard/calling-bot: answers every incoming call, plays a welcome prompt,
 * echoes the keys pressed, and hangs up on `#`. Against Switchboard (with `npm start` running):
 *
 *   NODE_EXTRA_CA_CERTS=.switchboard/ca.pem npx tsx packages/calling-bot/examples/ivr-bot.ts
 *
 * Against Microsoft Graph, set USE_GRAPH=1 and your own APP_ID, APP_SECRET, TENANT_ID and a public
 * https CALLBACK_URL: nothing else changes.
 */
import { createServer } from 'node:http';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { Bot, CallingClient, MICROSOFT_OPENID_METADATA_URL, nodeHttpHandler } from '../src/index.js';

const SWITCHBOARD = process.env.SWITCHBOARD_URL ?? 'https://localhost:8443';
const TENANT_ID = process.env.TENANT_ID ?? '24be639f-17e8-4f9a-8e2d-be151677740d';
const APP_ID = process.env.APP_ID ?? 'e30d9466-3fb9-44c1-bdfb-c0751f576358';
const APP_SECRET = process.env.APP_SECRET ?? 'switchboard-demo-secret-DO-NOT-USE-IN-PRODUCTION';
const PORT = Number(process.env.PORT ?? 3978);
const CALLBACK_URL = process.env.CALLBACK_URL ?? `http://127.0.0.1:${PORT}/callback`;
const useGraph = process.env.USE_GRAPH === '1';

const authority = useGraph ? `https://login.microsoftonline.com/${TENANT_ID}` : `${SWITCHBOARD}/${TENANT_ID}`;
const msal = new ConfidentialClientApplication({
  auth: { clientId: APP_ID, clientSecret: APP_SECRET, authority, ...(useGraph ? {} : { knownAuthorities: [new URL(SWITCHBOARD).host] }) },
});
const token = async (): Promise<string> => (await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }))!.accessToken;

const bot = new Bot({
  client: new CallingClient({ token, ...(useGraph ? {} : { baseUrl: SWITCHBOARD }) }),
  // The only callback setting that differs between Graph and Switchboard.
  verifier: { appId: APP_ID, openIdMetadataUrl: useGraph ? MICROSOFT_OPENID_METADATA_URL : `${SWITCHBOARD}/v1/.well-known/OpenIdConfiguration` },
  onRejected: (result) => console.warn('refused a callback:', result.error),
});

const welcome = { '@odata.type': '#microsoft.graph.mediaPrompt', mediaInfo: { '@odata.type': '#microsoft.graph.mediaInfo', uri: 'https://cdn.contoso.com/welcome.wav' } };

bot.tracker.on('incoming-call', (call) => {
  console.log(`incoming call ${call.id}`);
  const mediaConfig = { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' };
  bot.call(call.id).answer({ callbackUri: CALLBACK_URL, acceptedModalities: ['audio'], mediaConfig }).catch(console.error);
});

bot.tracker.on('call-state', (call) => {
  console.log(`call ${call.id}: ${call.state}`);
  if (call.state !== 'established') return;
  const handle = bot.call(call.id);
  handle
    .playPrompt({ prompts: [welcome] })
    .then(() => handle.subscribeToTone())
    .then(() => console.log('prompt played; listening for keys'))
    .catch(console.error);
});

bot.tracker.on('tone', (call, tone) => {
  console.log(`call ${call.id}: key ${tone}`);
  if (tone === 'pound') bot.call(call.id).hangUp().catch(console.error);
});

createServer(nodeHttpHandler(bot, { onError: console.error })).listen(PORT, '127.0.0.1', () => {
  console.log(`IVR bot listening on ${CALLBACK_URL}; set it as the app's calling webhook and call the bot`);
});
