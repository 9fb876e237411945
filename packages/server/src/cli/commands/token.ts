import { Option, type Command } from 'commander';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { configDefaults } from '../../config/schema.js';
import { ControlError, controlRequest } from '../control-client.js';

export interface TokenCommandOptions {
  app: string;
  tenant: string;
  appidacr?: '1' | '2';
  decode?: boolean;
  data?: string;
}

type ControlRequest = typeof controlRequest;

/** `switchboard token`: an app-only Graph token from the running server, without a client secret. */
export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('print an app-only Graph access token for an app in a tenant (asks the running server)')
    .requiredOption('--app <appId>', 'application (client) id')
    .requiredOption('--tenant <tenant>', 'tenant id or verified domain')
    .addOption(new Option('--appidacr <value>', 'how the app "authenticated": 1 = secret, 2 = certificate').choices(['1', '2']).default('1'))
    .option('--decode', 'print the header and claims as JSON instead of the raw token')
    .option('--data <dir>', `data directory of the running server (default ${configDefaults.dataDir}) [env: SWITCHBOARD_DATA]`)
    .action(async (options: TokenCommandOptions) => {
      process.stdout.write(await tokenOutput(options));
    });
}

export async function tokenOutput(options: TokenCommandOptions, request: ControlRequest = controlRequest): Promise<string> {
  const body = { appId: options.app, tenantId: options.tenant, appidacr: options.appidacr ?? '1' };
  const { access_token: token } = await withReadableErrors(() => request<{ access_token: string }>(dataDirOf(options), 'POST', '/_switchboard/token', body));
  if (!options.decode) return `${token}\n`;
  return `${JSON.stringify({ header: decodeProtectedHeader(token), claims: decodeJwt(token) }, null, 2)}\n`;
}

/** `--data`, else SWITCHBOARD_DATA, else the default data directory — the same order as `start`. */
export function dataDirOf(options: { data?: string }, env: NodeJS.ProcessEnv = process.env): string {
  return options.data ?? (env.SWITCHBOARD_DATA || configDefaults.dataDir);
}

/** Token-service failures come back as Entra OAuth bodies; show their description, not just the status. */
export async function withReadableErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const description = error instanceof ControlError ? (error.body as { error_description?: unknown } | undefined)?.error_description : undefined;
    if (typeof description !== 'string') throw error;
    throw new Error(`[switchboard] ${description.split('\r\n')[0]}`, { cause: error });
  }
}
