import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parse } from 'yaml';
import type { FaultRule } from '../../faults/fault-rule.js';
import type { ThrottlingProfile } from '../../faults/throttling-profile.js';
import { controlRequest } from '../control-client.js';
import { dataDirOf } from './token.js';

type ControlRequest = typeof controlRequest;

interface DataOption {
  data?: string;
}

export interface ThrottleOptions extends DataOption {
  scale?: string;
  requests?: string;
  perSeconds?: string;
}

interface FaultBookView {
  seed: number;
  throttling: ThrottlingProfile;
  rules: FaultRule[];
}

const FAULTS = '/_switchboard/faults';
const DATA_HELP = 'data directory of the running server [env: SWITCHBOARD_DATA] (default ./.switchboard)';

export async function listFaultsOutput(options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  const book = await request<FaultBookView>(dataDirOf(options), 'GET', FAULTS);
  const lines = book.rules.map((rule) => `  ${rule.id}  ${describeRule(rule)}  [matched ${rule.matched}, fired ${rule.fired}${rule.source === 'file' ? ', from file' : ''}]`);
  return `[switchboard] fault seed ${book.seed}, throttling ${describeThrottling(book.throttling)}, ${book.rules.length} rule(s)${lines.length ? `:\n${lines.join('\n')}` : ''}\n`;
}

/** `faults add '{"kind":…}'` or `faults add rules.yaml` (one rule, or a faults file's `rules`). */
export async function addFaultsOutput(source: string, options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  const rules = rulesOf(source.trimStart().startsWith('{') ? (JSON.parse(source) as unknown) : (parse(await readFile(source, 'utf8')) as unknown));
  const added: string[] = [];
  for (const rule of rules) added.push((await request<FaultRule>(dataDirOf(options), 'POST', FAULTS, rule)).id);
  return `[switchboard] added fault rule(s): ${added.join(', ')}\n`;
}

export async function removeFaultOutput(id: string, options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  await request(dataDirOf(options), 'DELETE', `${FAULTS}/${encodeURIComponent(id)}`);
  return `[switchboard] removed fault rule ${id}\n`;
}

export async function clearFaultsOutput(options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  await request(dataDirOf(options), 'DELETE', FAULTS);
  return '[switchboard] removed every fault rule\n';
}

export async function throttleOutput(profile: string, options: ThrottleOptions, request: ControlRequest = controlRequest): Promise<string> {
  const body = { profile, ...numberField('limitScale', options.scale), ...numberField('requests', options.requests), ...numberField('perSeconds', options.perSeconds) };
  const set = await request<ThrottlingProfile>(dataDirOf(options), 'PUT', `${FAULTS}/throttling`, body);
  return `[switchboard] throttling ${describeThrottling(set)}\n`;
}

export async function seedOutput(seed: string, options: DataOption, request: ControlRequest = controlRequest): Promise<string> {
  await request(dataDirOf(options), 'PUT', `${FAULTS}/seed`, { seed: Number(seed) });
  return `[switchboard] fault seed ${seed}: rate draws start over\n`;
}

function rulesOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const rules = (value as { rules?: unknown } | null)?.rules;
  return Array.isArray(rules) ? rules : [value];
}

function numberField(key: string, value: string | undefined): Record<string, number> {
  return value === undefined ? {} : { [key]: Number(value) };
}

function describeRule(rule: FaultRule): string {
  const what = rule.kind === 'graphError' ? `graphError ${rule.status}` : rule.kind === 'latency' ? `latency ${rule.delayMs} ms` : rule.kind === 'callback' ? `callback ${rule.action}` : `call ${rule.fault}`;
  return `${what} match ${JSON.stringify(rule.match)} trigger ${JSON.stringify(rule.trigger)}`;
}

function describeThrottling(profile: ThrottlingProfile): string {
  const { profile: name, ...rest } = profile;
  return Object.keys(rest).length ? `${name} ${JSON.stringify(rest)}` : name;
}

/** `switchboard faults …`: fault rules, seed and throttling of a running server (docs/faults.md). */
export function registerFaultsCommand(program: Command): void {
  const faults = program.command('faults').description('fault injection of a running server: Graph errors, latency, throttling, callback and call faults (docs/faults.md)');
  const write = (text: string): void => void process.stdout.write(text);
  faults.command('list').description('rules with their counters, the seed and the throttling profile').option('--data <dir>', DATA_HELP).action(async (options: DataOption) => write(await listFaultsOutput(options)));
  faults.command('add <json|file>').description('add a rule given as JSON, or the rule(s) of a YAML/JSON file').option('--data <dir>', DATA_HELP).action(async (source: string, options: DataOption) => write(await addFaultsOutput(source, options)));
  faults.command('remove <id>').description('remove one rule').option('--data <dir>', DATA_HELP).action(async (id: string, options: DataOption) => write(await removeFaultOutput(id, options)));
  faults.command('clear').description('remove every rule (the rate draws start over)').option('--data <dir>', DATA_HELP).action(async (options: DataOption) => write(await clearFaultsOutput(options)));
  faults.command('seed <n>').description('set the seed of rate draws').option('--data <dir>', DATA_HELP).action(async (seed: string, options: DataOption) => write(await seedOutput(seed, options)));
  faults
    .command('throttle <profile>')
    .description('Graph throttling: off, or graph-calls (50,000 requests per 15 s per app and tenant)')
    .option('--scale <factor>', 'multiply the published limit, e.g. 0.001')
    .option('--requests <n>', 'explicit requests per window')
    .option('--per-seconds <s>', 'explicit window in seconds')
    .option('--data <dir>', DATA_HELP)
    .action(async (profile: string, options: ThrottleOptions) => write(await throttleOutput(profile, options)));
}
