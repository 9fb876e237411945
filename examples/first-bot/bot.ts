/**
 * Your first bot against Switchboard: get a token with MSAL, start a callback endpoint that
 * validates Graph's callback JWTs, join the demo stand-up meeting, watch the notifications,
 * have a simulated person join, then hang up.
 *
 * Run (with `npm start` running in another terminal, from the repository root):
 *   NODE_EXTRA_CA_CERTS=.switchboard/ca.pem npx tsx examples/first-bot/bot.ts
 */
import { createServer, type IncomingMessage } from 'node:http';
import { readFile } from 'node:fs/promises';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const SWITCHBOARD = process.env.SWITCHBOARD_URL ?? 'https://localhost:8443';
const TENANT_ID = '24be639f-17e8-4f9a-8e2d-be151677740d'; // Contoso (demo)
const APP_ID = 'e30d9466-3fb9-44c1-bdfb-c0751f576358'; // Switchboard Demo Bot
const APP_SECRET = 'switchboard-demo-secret-DO-NOT-USE-IN-PRODUCTION';
const STANDUP = { joinMeetingId: '394817260531', passcode: 'Sb7nQ2' };
const ADELE = '684f9a4c-68ce-447b-a75e-6b49964b3b70';

// 1. A token, exactly as in production: only the authority differs.
const msal = new ConfidentialClientApplication({
  auth: { clientId: APP_ID, clientSecret: APP_SECRET, authority: `${SWITCHBOARD}/${TENANT_ID}`, knownAuthorities: [new URL(SWITCHBOARD).host] },
});
const token = async (): Promise<string> => (await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }))!.accessToken;
const graph = Client.init({ authProvider: (done) => void token().then((t) => done(null, t), (e) => done(e, null)), baseUrl: SWITCHBOARD, customHosts: new Set([new URL(SWITCHBOARD).hostname]) });

// 2. The callback endpoint validates each notification's JWT as a production bot does, with the
//    keys published at <switchboard>/v1/.well-known/OpenIdConfiguration instead of api.aps.skype.com.
const metadata = (await (await fetch(`${SWITCHBOARD}/v1/.well-known/OpenIdConfiguration`)).json()) as { issuer: string; jwks_uri: string };
const jwks = createRemoteJWKSet(new URL(metadata.jwks_uri));
const callbacks = createServer(async (req, res) => {
  try {
    await jwtVerify((req.headers.authorization ?? '').replace(/^Bearer /, ''), jwks, { issuer: metadata.issuer, audience: APP_ID });
    for (const n of (JSON.parse(await bodyOf(req)) as { value: { changeType: string; resourceUrl: string; resourceData: unknown }[] }).value) {
      console.log(`← ${n.changeType} ${n.resourceUrl}`, summarize(n.resourceData));
    }
    res.writeHead(202).end();
  } catch (error) {
    console.error('rejected a callback:', (error as Error).message);
    res.writeHead(401).end();
  }
});
await new Promise<void>((resolve) => callbacks.listen(0, '127.0.0.1', resolve));
const callbackUri = `http://127.0.0.1:${(callbacks.address() as { port: number }).port}/callback`;

// 3. Join the meeting, let a person join, hang up.
const call = await graph.api('/communications/calls').post({
  '@odata.type': '#microsoft.graph.call',
  callbackUri,
  requestedModalities: ['audio'],
  mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
  meetingInfo: { '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo', ...STANDUP },
  tenantId: TENANT_ID,
});
console.log(`→ joined: call ${call.id}, state ${call.state}`);
await sleep(2500);
await control('POST', '/_switchboard/meetings/20800baa-0101-4476-808b-1289b755da8f/people', { userId: ADELE });
await sleep(1500);
const roster = await graph.api(`/communications/calls/${call.id}/participants`).get();
console.log(`→ roster: ${roster.value.map(nameOf).join(', ')}`);
await graph.api(`/communications/calls/${call.id}`).delete();
console.log('→ hung up');
await sleep(1500);
callbacks.close();

async function control(method: string, path: string, body: unknown): Promise<unknown> {
  const adminKey = (await readFile(`${process.env.SWITCHBOARD_DATA ?? '.switchboard'}/admin.key`, 'utf8')).trim();
  const res = await fetch(`${SWITCHBOARD}${path}`, { method, headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.json();
}

type Identity = { displayName?: string };
function nameOf(participant: { info: { identity: { user?: Identity; application?: Identity; guest?: Identity } } }): string {
  const { user, application, guest } = participant.info.identity;
  return (user ?? application ?? guest)?.displayName ?? '(unnamed)';
}

function summarize(data: unknown): string {
  if (Array.isArray(data)) return `[${data.length} participant(s)]`;
  const call = data as { state?: string; resultInfo?: { code: number; subcode: number } };
  return [call.state, call.resultInfo && `${call.resultInfo.code}/${call.resultInfo.subcode}`].filter(Boolean).join(' ');
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
