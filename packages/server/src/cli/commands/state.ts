import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { controlRequest } from '../control-client.js';
import { defaultDataDir, emit, type CommandOutput } from './world.js';

interface ReplaceReport {
  documents: number;
  timers: number;
  outbox: number;
  deliveries: number;
  clock: { iso: string };
}

/** `switchboard export [file]`: the whole state (docs/export-format.md) to a file, or to stdout. */
export async function exportOutput(dataDir: string, file: string | undefined, options: { deliveries?: boolean } = {}): Promise<CommandOutput> {
  const exported = await controlRequest(dataDir, 'GET', `/_switchboard/state${options.deliveries ? '?deliveries=true' : ''}`);
  const text = `${JSON.stringify(exported, null, 2)}\n`;
  if (file === undefined) return { exitCode: 0, stdout: text, stderr: '' };
  await writeFile(file, text);
  return { exitCode: 0, stdout: `[switchboard] state exported to ${file}\n`, stderr: '' };
}

/** `switchboard import <file>`: replaces the running server's state with the file's. */
export async function importOutput(dataDir: string, file: string): Promise<CommandOutput> {
  const report = await controlRequest<ReplaceReport>(dataDir, 'PUT', '/_switchboard/state', JSON.parse(await readFile(file, 'utf8')));
  return { exitCode: 0, stdout: `[switchboard] imported ${file}: ${describe(report)}\n`, stderr: '' };
}

/** `switchboard reset`: back to the world the server started with. */
export async function resetOutput(dataDir: string): Promise<CommandOutput> {
  const report = await controlRequest<ReplaceReport>(dataDir, 'POST', '/_switchboard/state/reset');
  return { exitCode: 0, stdout: `[switchboard] reset: ${describe(report)}\n`, stderr: '' };
}

function describe(report: ReplaceReport): string {
  return `${report.documents} documents, ${report.timers} timers, ${report.outbox} pending callbacks, ${report.deliveries} log entries; clock at ${report.clock.iso}`;
}

const DATA_OPTION = ['--data <dir>', 'data directory of the running server [env: SWITCHBOARD_DATA] (default ./.switchboard)'] as const;

export function registerStateCommands(program: Command): void {
  program
    .command('export')
    .description('write the whole state of the running server (world, calls, timers, pending callbacks) as versioned JSON')
    .argument('[file]', 'where to write it (default: stdout)')
    .option('--deliveries', 'include the callback delivery log')
    .option(...DATA_OPTION)
    .action(async function (this: Command, file: string | undefined, options: { data?: string; deliveries?: boolean }) {
      emit(this, await exportOutput(options.data ?? defaultDataDir(), file, { deliveries: options.deliveries ?? false }));
    });
  program
    .command('import')
    .description('replace the whole state of the running server with an export file')
    .argument('<file>', 'a file written by switchboard export')
    .option(...DATA_OPTION)
    .action(async function (this: Command, file: string, options: { data?: string }) {
      emit(this, await importOutput(options.data ?? defaultDataDir(), file));
    });
  program
    .command('reset')
    .description('drop calls, timers and callbacks and seed the start world again (signing keys stay)')
    .option(...DATA_OPTION)
    .action(async function (this: Command, options: { data?: string }) {
      emit(this, await resetOutput(options.data ?? defaultDataDir()));
    });
}
