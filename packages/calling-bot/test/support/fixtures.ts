import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../fixtures/notifications/', import.meta.url));

/** A notification body derived from the Graph docs examples (v1.0), by its example name. */
export function fixture(name: string): { value: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as { value: Record<string, unknown>[] };
}

/** Every fixture name. */
export function fixtureNames(): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}
