import type { Command } from 'commander';
import { configDefaults } from '../../config/schema.js';
import { controlRequest } from '../control-client.js';
import { dataDirOf, withReadableErrors } from './token.js';

type ControlRequest = typeof controlRequest;

/** `switchboard keys rotate`: a new token-signing key; the previous ones stay published until their tokens expire. */
export function registerKeysCommand(program: Command): void {
  const keys = program.command('keys').description('manage the token-signing keys of the running server');
  keys
    .command('rotate')
    .description('make a new signing key active (old keys stay in the JWKS until their tokens have expired)')
    .option('--data <dir>', `data directory of the running server (default ${configDefaults.dataDir}) [env: SWITCHBOARD_DATA]`)
    .action(async (options: { data?: string }) => {
      process.stdout.write(await rotateOutput(options));
    });
}

export async function rotateOutput(options: { data?: string }, request: ControlRequest = controlRequest): Promise<string> {
  const result = await withReadableErrors(() => request<{ kid: string; keys: string[] }>(dataDirOf(options), 'POST', '/_switchboard/keys/rotate'));
  return `new active signing key: ${result.kid}\npublished keys: ${result.keys.join(', ')}\n`;
}
