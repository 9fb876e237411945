import { configDefaults, configSchema, type Config } from './schema.js';
import { startOptions, type OptionSpec } from './options.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Merges defaults ← environment ← CLI flags, validates strictly and freezes the result. */
export function loadConfig(flags: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): Config {
  const unknown = Object.keys(flags).filter((key) => flags[key] !== undefined && !startOptions.some((o) => o.key === key));
  if (unknown.length > 0) throw new ConfigError(`[switchboard] unknown configuration keys: ${unknown.join(', ')}`);
  const merged: Record<string, unknown> = { ...configDefaults };
  for (const option of startOptions) {
    const fromEnv = env[option.env];
    if (fromEnv !== undefined && fromEnv !== '') merged[option.key] = coerce(option, fromEnv);
    const fromFlag = flags[option.key];
    if (fromFlag !== undefined) merged[option.key] = coerce(option, fromFlag);
  }
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${describe(i.path)}: ${i.message}`).join('; ');
    throw new ConfigError(`[switchboard] invalid configuration: ${details}`);
  }
  return Object.freeze(parsed.data);
}

function coerce(option: OptionSpec, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  switch (option.type) {
    case 'int':
      return /^\d+$/.test(value.trim()) ? Number(value) : value;
    case 'number':
      return /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
    case 'boolean':
      return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
    case 'list':
      return value.split(',').map((s) => s.trim()).filter(Boolean);
    default:
      return value;
  }
}

function describe(path: PropertyKey[]): string {
  const key = String(path[0] ?? '');
  const option = startOptions.find((o) => o.key === key);
  return option ? `${option.flag.split(' ')[0]} (${option.env})` : key;
}
