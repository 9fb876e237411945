/**
 * A meeting assistant built on @switchboard/calling-bot: joins a meeting by its join link, tracks
 * who is present, mutes people on request, keeps late joiners in a private audio routing group with
 * hold music until admitted, reports itself as recording, and notices screen sharing. README.md
 * explains it; against a running Switchboard (`npm start`):
 *
 *   NODE_EXTRA_CA_CERTS=.switchboard/ca.pem npx tsx examples/meeting-assistant/assistant.ts
 */
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { Bot, CallingClient, type V1 } from '@switchboard/calling-bot';
import { configFromEnv, type AssistantConfig } from './config.js';
import { Journal } from './journal.js';
import { meetingFromJoinUrl } from './join-url.js';
import { createLocalServer, type Commands } from './local-server.js';
import { MeetingAssistant } from './meeting-assistant.js';

export interface RunningAssistant {
  assistant: MeetingAssistant;
  /** The SDK bot (its client and tracker). */
  bot: Bot;
  /** The local endpoint: `${url}/state`, `${url}/mute?name=…`, `${url}/admit`. */
  url: string;
  state(): AssistantState;
  close(): Promise<void>;
}

/** What `GET /state` answers. */
export interface AssistantState {
  callId: string;
  callState: string | undefined;
  present: string[];
  inLobby: string[];
  onHold: string | null;
  recording: string;
  journal: Journal['entries'];
}

/** Starts the local endpoint, joins the meeting and follows it until `close()` (or the call ends). */
export async function startAssistant(config: AssistantConfig, print: (line: string) => void = console.log): Promise<RunningAssistant> {
  const journal = new Journal(print);
  const bot = new Bot({ client: new CallingClient({ token: tokenProvider(config), baseUrl: config.graphUrl }), verifier: { appId: config.appId, openIdMetadataUrl: config.callbackMetadataUrl }, onRejected: (r) => print(`[assistant] refused a callback: ${String(r.error)}`) });
  const joined: { assistant?: MeetingAssistant } = {};
  const server = createLocalServer(bot, () => joined.assistant && commandsOf(joined.assistant, bot), (error) => print(`[assistant] callback error: ${String(error)}`));
  await new Promise<void>((resolve) => server.listen(config.port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = await bot.createCall(joinRequest(config, config.callbackUrl ?? `${url}/callback`));
  const running = (joined.assistant = new MeetingAssistant(bot, call.id, config, journal));
  running.listen();
  const close = async (): Promise<void> => {
    if (bot.tracker.get(call.id)?.ended === false) await call.hangUp().catch(() => undefined);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { assistant: running, bot, url, state: () => stateOf(running, bot), close };
}

/** The create-call body of a service-hosted media bot joining a scheduled meeting, asking for content sharing notifications. */
function joinRequest(config: AssistantConfig, callbackUri: string): V1.Call {
  return {
    '@odata.type': '#microsoft.graph.call',
    callbackUri,
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
    callOptions: { '@odata.type': '#microsoft.graph.outgoingCallOptions', isContentSharingNotificationEnabled: true },
    ...meetingFromJoinUrl(config.joinUrl),
  } as V1.Call;
}

/** Client-credential tokens from the configured authority; only the authority differs from production. */
function tokenProvider(config: AssistantConfig): () => Promise<string> {
  const host = new URL(config.authority).host;
  const knownAuthorities = host === 'login.microsoftonline.com' ? [] : [host];
  const msal = new ConfidentialClientApplication({ auth: { clientId: config.appId, clientSecret: config.appSecret, authority: config.authority, knownAuthorities } });
  return async () => (await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }))!.accessToken;
}

function commandsOf(assistant: MeetingAssistant, bot: Bot): Commands {
  return { mute: (name: string) => assistant.mute(name), admit: (name?: string) => assistant.admit(name), state: () => stateOf(assistant, bot) };
}

function stateOf(assistant: MeetingAssistant, bot: Bot): AssistantState {
  const people = [...assistant.people.present.values()];
  return {
    callId: assistant.callId,
    callState: bot.tracker.get(assistant.callId)?.state,
    present: people.filter((p) => !p.inLobby).map((p) => p.name),
    inLobby: people.filter((p) => p.inLobby).map((p) => p.name),
    onHold: assistant.late.held?.name ?? null,
    recording: assistant.recording.status,
    journal: assistant.journal.entries,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const running = await startAssistant(configFromEnv());
  console.log(`[assistant] commands on ${running.url}: GET /state, POST /mute?name=…, POST /admit[?name=…]`);
  process.once('SIGINT', () => void running.close().then(() => process.exit(0)));
  await running.assistant.ended;
  await running.close();
}
