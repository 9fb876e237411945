import { z } from 'zod';
import { magicValueRows } from '../../simulation/magic-values.js';
import { responseComponents } from './schemas.js';
import { CONTROL_PREFIX, ok, route } from './route-table.js';

/** Magic values (issue 6, item 5): the ids that always produce one outcome (docs/magic-values.md). */

export const magicValueSchema = z.object({
  kind: z.enum(['meeting', 'user', 'phone', 'passcode']),
  name: z.string(),
  value: z.string().describe('The meeting id, user id, phone number or passcode.'),
  use: z.string().describe('Where to put it in a request.'),
  outcome: z.string(),
  resultInfo: z.object({ code: z.number(), subcode: z.number(), message: z.string() }).optional().describe('What the terminated notification carries.'),
  error: z.object({ status: z.number(), id: z.string() }).optional().describe('The error the request is answered with (an id of docs/errors.md).'),
});
export const magicValueListSchema = z.object({ value: z.array(magicValueSchema) });

responseComponents.add(magicValueSchema, { id: 'MagicValue' });
responseComponents.add(magicValueListSchema, { id: 'MagicValueList' });

export const magicRoutes = [
  route({
    operationId: 'listMagicValues', method: 'GET', url: `${CONTROL_PREFIX}/magic-values`, summary: 'Ids that always produce a given outcome, for testing failure paths', tag: 'Faults', status: 200, response: magicValueListSchema,
    handle: async () => ok({ value: magicValueRows() }),
  }),
];
