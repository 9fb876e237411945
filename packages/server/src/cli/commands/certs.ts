import type { Command } from 'commander';
import { resolve } from 'node:path';
import { X509Certificate } from 'node:crypto';
import { configDefaults } from '../../config/schema.js';
import { ensureTls } from '../../tls/ensure-tls.js';
import { dataDirOf } from './token.js';

/**
 * The names production bot code dials (docs/no-code-change.md): the token authority, Graph, and
 * the host of the callback-signing metadata the Graph calling samples download.
 */
export const MICROSOFT_HOSTNAMES = ['login.microsoftonline.com', 'graph.microsoft.com', 'api.aps.skype.com'];

export interface CertsOptions {
  data?: string;
  microsoftHostnames?: boolean;
  tlsName?: string[];
}

/** `switchboard certs`: issue (or re-issue) the server certificate in the data directory, before `start`. */
export function registerCertsCommand(program: Command): void {
  program
    .command('certs')
    .description('create the local CA and a server certificate for extra names (used by the next `switchboard start`)')
    .option('--microsoft-hostnames', `add ${MICROSOFT_HOSTNAMES.join(', ')} (hosts-file mapping, docs/no-code-change.md)`)
    .option('--tls-name <name...>', 'further DNS names/IPs for the server certificate')
    .option('--data <dir>', `data directory (default ${configDefaults.dataDir}) [env: SWITCHBOARD_DATA]`)
    .action(async (options: CertsOptions) => {
      process.stdout.write(await certsOutput(options));
    });
}

/** Names requested on the command line, in the order given. */
export function certificateNames(options: CertsOptions): string[] {
  return [...(options.microsoftHostnames ? MICROSOFT_HOSTNAMES : []), ...(options.tlsName ?? [])];
}

export async function certsOutput(options: CertsOptions, now: Date = new Date()): Promise<string> {
  const dataDir = resolve(dataDirOf(options));
  const tls = await ensureTls(dataDir, certificateNames(options), now);
  const sans = new X509Certificate(tls.certPem).subjectAltName ?? '';
  return [
    `CA certificate:     ${tls.caPath}`,
    `server certificate: ${resolve(dataDir, 'server.pem')}`,
    `names:              ${sans}`,
    '',
    'Trust the CA in the process that runs your bot:',
    `  export NODE_EXTRA_CA_CERTS="${tls.caPath}"`,
    'A running server keeps its old certificate until it is restarted.',
    '',
  ].join('\n');
}
