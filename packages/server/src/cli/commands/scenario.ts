import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { formatDuration } from '../../simulation/duration.js';
import { expandScenario } from '../../simulation/expand-plan.js';
import { parseScenarioText } from '../../simulation/load-scenario.js';
import type { RunView, StepRecord } from '../../simulation/run-log.js';
import { controlRequest } from '../control-client.js';
import { dataDirOf } from './token.js';

type ControlRequest = typeof controlRequest;

export interface RunOptions {
  data?: string;
  seed?: string;
  wait?: boolean;
}

/** How often `--wait` asks the server for new log lines (real time). */
const POLL_MS = 500;

/** `scenario validate <file>`: the file's problems with line numbers, or a summary of its plan. */
export async function validateOutput(file: string, options: { seed?: string } = {}): Promise<string> {
  const scenario = parseScenarioText(await readFile(file, 'utf8'), file);
  const plan = expandScenario(scenario, options.seed === undefined ? {} : { seed: seedOf(options.seed) });
  const last = plan.steps.at(-1)?.at ?? 0;
  return `[switchboard] scenario ${file} is valid: "${plan.name}", ${plan.steps.length} steps over ${formatDuration(last)} (seed ${String(plan.seed)})\n`;
}

/** `scenario run <file>`: checked here first (file:line errors), then started on the running server. */
export async function runScenario(file: string, options: RunOptions, write: (text: string) => void, request: ControlRequest = controlRequest): Promise<RunView> {
  const text = await readFile(file, 'utf8');
  parseScenarioText(text, file);
  const query = options.seed === undefined ? '' : `?seed=${encodeURIComponent(options.seed)}`;
  let run = await request<RunView>(dataDirOf(options), 'POST', `/_switchboard/scenarios${query}`, { yaml: text });
  write(`[switchboard] scenario "${run.name}" started as run ${run.id} (${run.planned} steps, seed ${String(run.seed)})\n`);
  if (!options.wait) return run;
  let printed = 0;
  for (;;) {
    run.log.slice(printed).forEach((record) => write(describeStep(record)));
    printed = run.log.length;
    if (run.status !== 'running') break;
    await sleep(POLL_MS);
    run = await request<RunView>(dataDirOf(options), 'GET', `/_switchboard/scenarios/${encodeURIComponent(run.id)}`);
  }
  write(`[switchboard] run ${run.id} ${run.status}: ${run.done}/${run.planned} steps, ${run.errors} failed\n`);
  return run;
}

export function describeStep(r: StepRecord): string {
  const who = r.person ? ` ${r.person}` : '';
  const late = r.ranMs !== r.plannedMs ? ` (planned ${formatDuration(r.plannedMs)})` : '';
  return `  #${r.seq} +${formatDuration(r.ranMs)}${late} ${r.action}${who}: ${r.outcome === 'ok' ? r.detail : `FAILED ${r.detail}`}\n`;
}

const seedOf = (text: string): number | string => (/^-?\d+$/.test(text) ? Number(text) : text);

const DATA_HELP = 'data directory of the running server [env: SWITCHBOARD_DATA] (default ./.switchboard)';

/** `switchboard scenario …`: scenario files (docs/scenarios.md). */
export function registerScenarioCommand(program: Command): void {
  const scenario = program.command('scenario').description('scenario files: simulated people on a timeline (docs/scenarios.md)');
  scenario.command('validate').description('check a scenario file (problems with line numbers) and summarise its plan').argument('<file>').option('--seed <n>', "override the file's seed")
    .action(async (file: string, options: { seed?: string }) => void process.stdout.write(await validateOutput(file, options)));
  scenario.command('run').description('run a scenario file on the running server').argument('<file>')
    .option('--seed <n>', "override the file's seed").option('--wait', 'print each step as it runs, until the run ends').option('--data <dir>', DATA_HELP)
    .action(async (file: string, options: RunOptions) => {
      const run = await runScenario(file, options, (text) => void process.stdout.write(text));
      if (options.wait && run.status !== 'completed') process.exitCode = 1;
    });
}
