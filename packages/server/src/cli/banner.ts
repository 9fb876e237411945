import type { RunningServer } from '../runtime/start-server.js';
import { redactDatabaseUrl } from '../storage/postgres/database-url.js';

/** What a user needs to point MSAL and the Graph clients at this server, printed at start. */
export function renderBanner(server: RunningServer, demo: { tenantId: string; appId: string; appSecret: string }, readyMs: number): string {
  const base = server.httpsUrl;
  // Never the raw URL: it may carry a password.
  const database = server.deps.config.database ? `, database: ${redactDatabaseUrl(server.deps.config.database)}` : '';
  const lines = [
    `Switchboard is ready in ${readyMs} ms (${server.deps.store.backend} store, data: ${server.dataDir}${database})`,
    '',
    `  Graph base URL     ${base}/v1.0   (and ${base}/beta)`,
    ...(server.httpUrl ? [`  Plain HTTP         ${server.httpUrl}   (loopback only: Kiota, Teams SDK)`] : []),
    `  Authority          ${base}/${demo.tenantId}   (knownAuthorities: ['${new URL(base).host}'])`,
    `  Demo app           client id ${demo.appId}`,
    `                     secret    ${demo.appSecret}`,
    `  Demo tenant        ${demo.tenantId}`,
    `  CA certificate     ${server.tls.caPath}`,
    `                     export NODE_EXTRA_CA_CERTS="${server.tls.caPath}"`,
    `  Control API        ${base}/_switchboard/   (Authorization: Bearer ${server.deps.adminKey})`,
    `  Web console        ${server.consoleUrl ?? `${base}/_switchboard/console/`}#key=${server.deps.adminKey}`,
    `  Callback keys      ${base}/v1/.well-known/OpenIdConfiguration   (validate callback JWTs with these)`,
    '',
    'Press Ctrl+C to stop.',
  ];
  return `${lines.join('\n')}\n`;
}
