import { z } from 'zod';
import { clockViewSchema } from './clock-routes.js';
import { exportSchema } from '../../state/export-format.js';
import { CONTROL_PREFIX, ok, route } from './route-table.js';
import { bodyComponents, responseComponents } from './schemas.js';

/**
 * The whole state as one versioned JSON document (issue 6; docs/export-format.md): export it,
 * import it (replacing everything in one transaction), or reset to the world given at start.
 */

const replaceReportSchema = z.object({
  documents: z.number(),
  timers: z.number(),
  outbox: z.number(),
  deliveries: z.number(),
  clock: clockViewSchema,
});

const exportQuery = z.object({ deliveries: z.enum(['true', 'false']).optional().describe('Include the delivery log (default false).') });
/** Loose on the way in: the state service checks the version first, then the shape, with errors that say which. */
const exportDocument = z.record(z.string(), z.unknown()).describe('A switchboard-export document (docs/export-format.md).');

bodyComponents.add(exportDocument, { id: 'StateImport' });
responseComponents.add(exportSchema, { id: 'StateExport' });
responseComponents.add(replaceReportSchema, { id: 'StateReplaceReport' });

const TAG = 'State';
const URL = `${CONTROL_PREFIX}/state`;

export const stateRoutes = [
  route({
    operationId: 'exportState', method: 'GET', url: URL, summary: 'The whole state as a versioned export document', tag: TAG, status: 200,
    query: exportQuery, response: exportSchema,
    handle: async ({ services, query }) => ok(await services.state.exportState({ deliveries: query.deliveries === 'true' })),
  }),
  route<Record<string, unknown>>({
    operationId: 'importState', method: 'PUT', url: URL, summary: 'Replace the whole state with an export document (older versions are upgraded; newer ones refused)', tag: TAG, status: 200,
    body: exportDocument, response: replaceReportSchema,
    handle: async ({ services, body }) => ok(await services.state.importState(body)),
  }),
  route({
    operationId: 'resetState', method: 'POST', url: `${URL}/reset`, summary: 'Drop calls, timers, callbacks and the delivery log and seed the start world again (keys stay)', tag: TAG, status: 200,
    response: replaceReportSchema,
    handle: async ({ services }) => ok(await services.state.reset()),
  }),
];
