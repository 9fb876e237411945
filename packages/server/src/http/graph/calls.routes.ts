import type { AppDeps } from '../../services.js';
import { DomainError } from '../../domain/errors/index.js';
import type { GraphRouteSpec } from './graph-route.js';
import { odataContext } from './odata.js';

const BOTH = ['v1.0', 'beta'] as const;

/**
 * Call resources. A call is visible only to the app that owns its leg; another app's call id
 * answers like an unknown one (Graph does not reveal other apps' calls).
 */
export function callRoutes(deps: AppDeps): GraphRouteSpec[] {
  const ownedCall = async (appId: string, callId: string | undefined): Promise<{ wire: Record<string, unknown> }> => {
    const doc = await deps.store.docs.get<{ appId: string; wire: Record<string, unknown> }>('call', callId ?? '');
    if (!doc || doc.data.appId !== appId) throw new DomainError('callNotFound');
    return doc.data;
  };
  return [
    {
      operation: 'call.get',
      method: 'GET',
      path: '/communications/calls/:callId',
      versions: [...BOTH],
      appAlias: ['beta'],
      handler: async ({ request, version, caller, params }) => {
        const call = await ownedCall(caller.appId, params.callId);
        return { '@odata.context': odataContext(request, version, 'communications/calls/$entity'), ...call.wire };
      },
    },
    {
      // keepAlive: 200 with no body; 404 once the call has ended or for an unknown call
      // (Graph docs, call-keepalive: "Calling this API for an ended call returns 404 Not Found").
      operation: 'call.keepAlive',
      method: 'POST',
      path: '/communications/calls/:callId/keepAlive',
      versions: [...BOTH],
      action: true,
      handler: async ({ reply, caller, params }) => {
        await ownedCall(caller.appId, params.callId);
        return reply.code(200).send();
      },
    },
  ];
}
