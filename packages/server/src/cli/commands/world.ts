import type { Command } from 'commander';
import { loadWorldFile } from '../../world/load-world-file.js';
import { WorldFileError } from '../../world/world-file-error.js';
import type { WorldFile } from '../../world/world-file.schema.js';
import { controlRequest } from '../control-client.js';

export interface CommandOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const defaultDataDir = (): string => process.env.SWITCHBOARD_DATA ?? './.switchboard';

/** `switchboard world`: the running server's world as JSON, from the control API. */
export async function worldShowOutput(dataDir: string): Promise<CommandOutput> {
  const world = await controlRequest(dataDir, 'GET', '/_switchboard/world');
  return { exitCode: 0, stdout: `${JSON.stringify(world, null, 2)}\n`, stderr: '' };
}

/** `switchboard world validate <file>`: offline, with the same line-numbered errors as `start --world`. */
export async function worldValidateOutput(file: string): Promise<CommandOutput> {
  try {
    const world = await loadWorldFile(file);
    return { exitCode: 0, stdout: `[switchboard] ${file} is a valid world file (mode ${world.mode}: ${describeCounts(world)})\n`, stderr: '' };
  } catch (error) {
    if (error instanceof WorldFileError) return { exitCode: 1, stdout: '', stderr: `${error.message}\n` };
    throw error;
  }
}

function describeCounts(world: WorldFile): string {
  const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return [count(world.tenants.length, 'tenant'), count(world.users.length, 'user'), count(world.applications.length, 'application'), count(world.consents.length, 'consent'), count(world.meetings.length, 'meeting')].join(', ');
}

export function registerWorldCommand(program: Command): void {
  const world = program
    .command('world')
    .description('print the world (tenants, users, apps, consents, meetings) of the running server as JSON')
    .option('--data <dir>', 'data directory of the running server [env: SWITCHBOARD_DATA] (default ./.switchboard)')
    .action(async function (this: Command, options: { data?: string }) {
      emit(this, await worldShowOutput(options.data ?? defaultDataDir()));
    });
  world
    .command('validate')
    .description('check a world file (YAML or JSON) without a server; lists every problem as file:line:col')
    .argument('<file>', 'the world file')
    .action(async function (this: Command, file: string) {
      emit(this, await worldValidateOutput(file));
    });
}

/** Writes through commander's output hooks; a failure exits with its code after printing everything. */
export function emit(command: Command, output: CommandOutput): void {
  if (output.stdout) command.configureOutput().writeOut?.(output.stdout);
  if (output.exitCode !== 0) command.error(output.stderr.trimEnd(), { exitCode: output.exitCode, code: 'switchboard.commandFailed' });
}
