/**
 * The assistant's settings, from the environment. The defaults are Switchboard's demo values;
 * three settings point the same code at Microsoft Graph instead (README.md): AUTHORITY,
 * GRAPH_URL and CALLBACK_METADATA_URL.
 */
export interface AssistantConfig {
  /** Token authority: `<switchboard>/<tenant>` locally, `https://login.microsoftonline.com/<tenant>` for Graph. */
  authority: string;
  /** Where Graph calls go: Switchboard's URL, or `https://graph.microsoft.com`. */
  graphUrl: string;
  /** OpenID configuration listing the keys that sign callbacks (Microsoft's is `api.aps.skype.com`). */
  callbackMetadataUrl: string;
  appId: string;
  appSecret: string;
  /** The Teams join link of the meeting to assist. */
  joinUrl: string;
  /** Local port of the callback and command endpoint (0: any free port). */
  port: number;
  /** The public callback URL Graph posts to (default: this process on loopback). */
  callbackUrl?: string;
  /** Someone joining this long after the assistant is a late joiner (people from the lobby always are). */
  lateAfterMs: number;
}

const SWITCHBOARD = 'https://localhost:8443';
const DEMO_TENANT = '24be639f-17e8-4f9a-8e2d-be151677740d'; // Contoso (demo world)
const DEMO_APP_ID = 'e30d9466-3fb9-44c1-bdfb-c0751f576358'; // Switchboard Demo Bot
const DEMO_SECRET = 'switchboard-demo-secret-DO-NOT-USE-IN-PRODUCTION';
/** The demo stand-up, organized by Adele Vance. */
export const STANDUP_JOIN_URL =
  'https://teams.microsoft.com/l/meetup-join/19%3Ameeting_NzY3MDZmNzEtZDM3MC00NTllLWJmYjUtNTkxZjg3OTViNWM4%40thread.v2/0?context=%7B%22Tid%22%3A%2224be639f-17e8-4f9a-8e2d-be151677740d%22%2C%22Oid%22%3A%22684f9a4c-68ce-447b-a75e-6b49964b3b70%22%7D';

/** Reads the settings; `switchboardUrl` supplies the local defaults. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, switchboardUrl = env.SWITCHBOARD_URL ?? SWITCHBOARD): AssistantConfig {
  return {
    authority: env.AUTHORITY ?? `${switchboardUrl}/${env.TENANT_ID ?? DEMO_TENANT}`,
    graphUrl: env.GRAPH_URL ?? switchboardUrl,
    callbackMetadataUrl: env.CALLBACK_METADATA_URL ?? `${switchboardUrl}/v1/.well-known/OpenIdConfiguration`,
    appId: env.APP_ID ?? DEMO_APP_ID,
    appSecret: env.APP_SECRET ?? DEMO_SECRET,
    joinUrl: env.JOIN_URL ?? STANDUP_JOIN_URL,
    port: Number(env.PORT ?? 3979),
    ...(env.CALLBACK_URL ? { callbackUrl: env.CALLBACK_URL } : {}),
    lateAfterMs: Number(env.LATE_AFTER_SECONDS ?? 10) * 1000,
  };
}
