import type { Command } from 'commander';
import { controlRequest } from '../control-client.js';
import { defaultDataDir, emit, type CommandOutput } from './world.js';

interface ClockView {
  now: number;
  iso: string;
  scale: number;
  paused: boolean;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `45m`, `1h30m`, `90s`, `250ms` or a plain number of milliseconds. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) throw new Error(`[switchboard] not a duration: '${text}' (try 45m, 1h30m, 90s or 250ms)`);
  return Math.round(parts.reduce((sum, [, n, unit]) => sum + Number(n) * (UNITS[unit ?? 'ms'] ?? 1), 0));
}

/** `switchboard clock [pause|resume|advance <duration>|scale <n>]`. */
export async function clockOutput(dataDir: string, action?: string, argument?: string): Promise<CommandOutput> {
  const view = await clockRequest(dataDir, action, argument);
  const state = view.paused ? 'paused' : `running at ${view.scale}×`;
  return { exitCode: 0, stdout: `${view.iso} (${state})\n`, stderr: '' };
}

function clockRequest(dataDir: string, action: string | undefined, argument: string | undefined): Promise<ClockView> {
  const path = '/_switchboard/clock';
  switch (action) {
    case undefined:
      return controlRequest<ClockView>(dataDir, 'GET', path);
    case 'pause':
    case 'resume':
      return controlRequest<ClockView>(dataDir, 'POST', `${path}/${action}`);
    case 'advance':
      return controlRequest<ClockView>(dataDir, 'POST', `${path}/advance`, { ms: parseDuration(required(argument, 'advance <duration>')) });
    case 'scale':
      return controlRequest<ClockView>(dataDir, 'POST', `${path}/scale`, { scale: Number(required(argument, 'scale <n>')) });
    default:
      throw new Error(`[switchboard] unknown clock action '${action}': use pause, resume, advance <duration> or scale <n>`);
  }
}

function required(argument: string | undefined, usage: string): string {
  if (argument === undefined) throw new Error(`[switchboard] usage: switchboard clock ${usage}`);
  return argument;
}

export function registerClockCommand(program: Command): void {
  program
    .command('clock')
    .description('show or steer the virtual clock of the running server: pause, resume, advance <duration> (45m, 1h30m), scale <n>')
    .argument('[action]', 'pause | resume | advance | scale')
    .argument('[value]', 'the duration for advance, the factor for scale')
    .option('--data <dir>', 'data directory of the running server [env: SWITCHBOARD_DATA] (default ./.switchboard)')
    .action(async function (this: Command, action: string | undefined, value: string | undefined, options: { data?: string }) {
      emit(this, await clockOutput(options.data ?? defaultDataDir(), action, value));
    });
}
