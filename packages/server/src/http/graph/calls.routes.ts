import { callToGraph } from '../../wire/call-to-graph.js';
import { parseAnswer, parseCreateCall, parseRedirect, parseReject } from '../../wire/requests/index.js';
import type { AppDeps } from '../../services.js';
import { callLocation, callsContext, createdCallContext } from './call-urls.js';
import { documentedAt } from './documented-route.js';
import type { GraphRequestContext, GraphRouteSpec } from './graph-route.js';

/**
 * The call resource and its call-bound actions. A call is visible only to the app that owns its
 * leg; CallsApi answers another app's call id like an unknown one.
 */
export function callRoutes(deps: AppDeps): GraphRouteSpec[] {
  const calls = deps.services.calls;
  return [
    {
      operation: 'call.create',
      method: 'POST',
      path: '/communications/calls',
      ...documentedAt('call.create'),
      handler: async ({ request, reply, version, caller, viaAppAlias }) => {
        const call = await calls.createCall(caller, parseCreateCall(request.body, { version, viaAppAlias }));
        const body = { '@odata.context': createdCallContext(request, version), ...callToGraph(call, { version }) };
        return reply.code(201).header('location', callLocation(request, version, call.id)).send(body);
      },
    },
    {
      operation: 'call.get',
      method: 'GET',
      path: '/communications/calls/:callId',
      ...documentedAt('call.get'),
      handler: async ({ request, version, caller, viaAppAlias, params }) => {
        const call = await calls.getCall(caller, params.callId!);
        return { '@odata.context': callsContext(request, version, viaAppAlias, '/$entity'), ...callToGraph(call, { version }) };
      },
    },
    {
      // 204, then `updated` terminating and `deleted` terminated (call-delete).
      operation: 'call.delete',
      method: 'DELETE',
      path: '/communications/calls/:callId',
      ...documentedAt('call.delete'),
      handler: async ({ reply, caller, params }) => {
        await calls.deleteCall(caller, params.callId!);
        return reply.code(204).send();
      },
    },
    ...actionRoutes(deps),
  ];
}

/**
 * answer / reject / redirect answer 202 without a body, the outcome follows as notifications;
 * keepAlive answers 200 without a body, 404 once the call has ended (call-keepalive).
 */
function actionRoutes(deps: AppDeps): GraphRouteSpec[] {
  const calls = deps.services.calls;
  const accepted = (operation: 'call.answer' | 'call.reject' | 'call.redirect', run: (context: GraphRequestContext) => Promise<void>): GraphRouteSpec => ({
    operation,
    method: 'POST',
    path: `/communications/calls/:callId/${operation.slice('call.'.length)}`,
    ...documentedAt(operation),
    action: true,
    handler: async (context) => {
      await run(context);
      return context.reply.code(202).send();
    },
  });
  return [
    accepted('call.answer', ({ request, caller, params }) => calls.answer(caller, params.callId!, parseAnswer(request.body))),
    accepted('call.reject', ({ request, caller, params }) => calls.reject(caller, params.callId!, parseReject(request.body))),
    accepted('call.redirect', ({ request, caller, params }) => calls.redirect(caller, params.callId!, parseRedirect(request.body))),
    {
      operation: 'call.keepAlive',
      method: 'POST',
      path: '/communications/calls/:callId/keepAlive',
      ...documentedAt('call.keepAlive'),
      action: true,
      handler: async ({ reply, caller, params }) => {
        await calls.keepAlive(caller, params.callId!);
        return reply.code(200).send();
      },
    },
  ];
}
