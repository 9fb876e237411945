import type { Command } from 'commander';
import type { Consent } from '../../domain/world/types.js';
import { controlRequest } from '../control-client.js';
import { defaultDataDir, emit, type CommandOutput } from './world.js';

export interface ConsentOptions {
  app: string;
  tenant: string;
  data?: string;
}

type Change = 'grant' | 'revoke';

/** Grants or revokes each permission through the control API, then shows what the app holds. */
export async function consentOutput(change: Change, permissions: string[], options: ConsentOptions): Promise<CommandOutput> {
  const dataDir = options.data ?? defaultDataDir();
  const base = `/_switchboard/tenants/${encodeURIComponent(options.tenant)}/consents/${encodeURIComponent(options.app)}`;
  for (const permission of permissions) {
    await controlRequest(dataDir, change === 'grant' ? 'PUT' : 'DELETE', `${base}/permissions/${encodeURIComponent(permission)}`);
  }
  const consent = await controlRequest<Consent>(dataDir, 'GET', base);
  return { exitCode: 0, stdout: describeConsent(consent), stderr: '' };
}

export function describeConsent(consent: Consent): string {
  const held = consent.permissions.length ? consent.permissions.map((p) => `  ${p}`).join('\n') : '  (no permissions)';
  return `[switchboard] app ${consent.appId} in tenant ${consent.tenantId} (service principal ${consent.servicePrincipalId}) holds:\n${held}\n`;
}

export function registerConsentCommand(program: Command): void {
  const consent = program.command('consent').description('grant or revoke calling permissions of an app in a tenant (running server)');
  for (const change of ['grant', 'revoke'] as const) {
    consent
      .command(change)
      .description(`${change} admin consent for calling permissions, e.g. Calls.JoinGroupCall.All (any case)`)
      .argument('<permission...>', 'one or more permission names')
      .requiredOption('--app <appId>', 'application (client) id')
      .requiredOption('--tenant <id|domain>', 'tenant id or domain, e.g. contoso.example')
      .option('--data <dir>', 'data directory of the running server [env: SWITCHBOARD_DATA] (default ./.switchboard)')
      .action(async function (this: Command, permissions: string[], options: ConsentOptions) {
        emit(this, await consentOutput(change, permissions, options));
      });
  }
}
