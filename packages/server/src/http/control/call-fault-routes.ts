import { z } from 'zod';
import { CALL_FAULTS } from '../../faults/call-fault-catalog.js';
import { responseComponents } from './schemas.js';
import { CONTROL_PREFIX, ok, route } from './route-table.js';

/**
 * Call faults on demand (issue 6, item 4): the named fault of the call fault catalogue strikes a
 * live leg now, with the resultInfo Graph documents for it (docs/faults.md, "Call faults").
 */

export const injectedCallFaultSchema = z.object({
  callId: z.string(),
  fault: z.string().describe(`A call fault catalogue name: ${CALL_FAULTS.map((fault) => fault.name).join(', ')}.`),
  resultInfo: z.object({ code: z.number(), subcode: z.number(), message: z.string() }).describe('What the terminated notification carries.'),
  scope: z.enum(['leg', 'conference']).describe('leg: only this leg ended; conference: every app leg of its conference ended.'),
});

responseComponents.add(injectedCallFaultSchema, { id: 'InjectedCallFault' });

export const callFaultRoutes = [
  route({
    operationId: 'injectCallFault', method: 'POST', url: `${CONTROL_PREFIX}/calls/:callId/faults/:name`, summary: 'A call fault from the catalogue strikes this call leg now', tag: 'Faults', status: 200, response: injectedCallFaultSchema,
    handle: async ({ services, params }) => ok(await services.callFaults.inject(params.callId ?? '', params.name ?? '')),
  }),
];
