import { z } from 'zod';
import { scenarioSchema } from './scenario.schema.js';

/** Stable identifier of the published schema; editors resolve `$schema` against the file path instead. */
export const SCENARIO_SCHEMA_ID = 'https://switchboard.example/schemas/scenario.schema.json';

/** schemas/scenario.schema.json: what a scenario file may contain as written. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', io: 'input' });
  return { $schema, $id: SCENARIO_SCHEMA_ID, ...rest };
}

export function renderScenarioJsonSchema(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
