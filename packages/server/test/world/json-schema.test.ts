import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { WORLD_SCHEMA_ID, renderWorldJsonSchema, worldJsonSchema } from '../../src/world/world-json-schema.js';

describe('schemas/world.schema.json', () => {
  it('is committed exactly as the world-file schema generates it', async () => {
    const committed = await readFile(new URL('../../schemas/world.schema.json', import.meta.url), 'utf8');
    assert.equal(committed, renderWorldJsonSchema(), 'schemas/world.schema.json is stale: run npx tsx packages/server/scripts/generate-schemas.ts');
  });

  it('is draft 2020-12 with an $id, and rejects unknown keys', () => {
    const schema = worldJsonSchema() as { $schema: string; $id: string; additionalProperties: boolean; required: string[] };
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.$id, WORLD_SCHEMA_ID);
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(schema.required, ['version']);
  });
});
