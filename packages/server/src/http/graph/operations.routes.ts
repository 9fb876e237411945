import type { AppDeps } from '../../services.js';
import { operationToGraph } from '../../wire/operation-to-graph.js';
import { callsContext, keySegment } from './call-urls.js';
import { documentedAt } from './documented-route.js';
import type { GraphRouteSpec } from './graph-route.js';

/**
 * GET …/calls/{id}/operations/{id}: documented for addLargeGalleryViewOperation, but the
 * navigation holds every commsOperation, so any operation of the call is served (methods.json note).
 */
export function operationRoutes(deps: AppDeps): GraphRouteSpec[] {
  return [
    {
      operation: 'commsOperation.get',
      method: 'GET',
      path: '/communications/calls/:callId/operations/:operationId',
      ...documentedAt('commsOperation.get'),
      handler: async ({ request, version, caller, viaAppAlias, params }) => {
        const operation = await deps.services.calls.getOperation(caller, params.callId!, params.operationId!);
        const context = callsContext(request, version, viaAppAlias, `${keySegment(params.callId!)}/operations/$entity`);
        return { '@odata.context': context, ...operationToGraph(operation) };
      },
    },
  ];
}
