import { z } from 'zod';
import { worldFileSchema } from './world-file.schema.js';

/** Stable identifier of the published schema; editors resolve `$schema` against the file path instead. */
export const WORLD_SCHEMA_ID = 'https://switchboard.example/schemas/world.schema.json';

/** schemas/world.schema.json: what a world file may contain as written (defaults make fields optional). */
export function worldJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(worldFileSchema, { target: 'draft-2020-12', io: 'input' });
  return { $schema, $id: WORLD_SCHEMA_ID, ...rest };
}

export function renderWorldJsonSchema(): string {
  return `${JSON.stringify(worldJsonSchema(), null, 2)}\n`;
}
