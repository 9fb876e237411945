/**
 * Writes packages/server/schemas/world.schema.json from the world-file zod schema.
 * `--check` only compares and exits 1 when the committed file is stale (the test does the same).
 * Run: npx tsx packages/server/scripts/generate-schemas.ts [--check]
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderWorldJsonSchema } from '../src/world/world-json-schema.js';
import { renderScenarioJsonSchema } from '../src/simulation/scenario-json-schema.js';

const target = fileURLToPath(new URL('../schemas/world.schema.json', import.meta.url));
const wanted = renderWorldJsonSchema();

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== wanted) {
    process.stderr.write('schemas/world.schema.json is stale: run npx tsx packages/server/scripts/generate-schemas.ts\n');
    process.exitCode = 1;
  }
} else {
  await writeFile(target, wanted);
  process.stdout.write(`wrote ${target}\n`);
}

await syncSchema(fileURLToPath(new URL('../schemas/scenario.schema.json', import.meta.url)), renderScenarioJsonSchema(), 'schemas/scenario.schema.json');

/** Writes (or with --check compares) one generated schema file. */
async function syncSchema(file: string, text: string, name: string): Promise<void> {
  if (!process.argv.includes('--check')) {
    await writeFile(file, text);
    process.stdout.write(`wrote ${file}\n`);
    return;
  }
  if ((await readFile(file, 'utf8').catch(() => '')) !== text) {
    process.stderr.write(`${name} is stale: run npx tsx packages/server/scripts/generate-schemas.ts\n`);
    process.exitCode = 1;
  }
}
