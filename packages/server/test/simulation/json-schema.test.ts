import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { SCENARIO_SCHEMA_ID, renderScenarioJsonSchema, scenarioJsonSchema } from '../../src/simulation/scenario-json-schema.js';

describe('schemas/scenario.schema.json', () => {
  it('is committed exactly as the scenario schema generates it', async () => {
    const committed = await readFile(new URL('../../schemas/scenario.schema.json', import.meta.url), 'utf8');
    assert.equal(committed, renderScenarioJsonSchema(), 'schemas/scenario.schema.json is stale: run npx tsx packages/server/scripts/generate-schemas.ts');
  });

  it('is draft 2020-12 with an $id, needs name and timeline, and lists every action', () => {
    const schema = scenarioJsonSchema() as { $schema: string; $id: string; additionalProperties: boolean; required: string[] };
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.$id, SCENARIO_SCHEMA_ID);
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(schema.required, ['name', 'timeline']);
    const text = JSON.stringify(schema);
    for (const action of ['join', 'leave', 'mute', 'unmute', 'video', 'share', 'unshare', 'hold', 'resume', 'speak', 'pressKeys', 'callApp', 'hangUp', 'answer', 'decline', 'admit', 'deny', 'remove', 'endMeeting', 'wait', 'waitFor', 'crowd']) {
      assert.ok(text.includes(`"const":"${action}"`), action);
    }
  });
});
