import type { AppDeps } from '../../services.js';
import { audioRoutingGroupToGraph } from '../../wire/audio-routing-group-to-graph.js';
import { parseAudioRoutingGroup, parseAudioRoutingGroupPatch } from '../../wire/requests/controls.js';
import { callsContext, keySegment } from './call-urls.js';
import { documentedAt } from './documented-route.js';
import type { GraphRequestContext, GraphRouteSpec } from './graph-route.js';

const GROUPS = '/communications/calls/:callId/audioRoutingGroups';
const GROUP = `${GROUPS}/:groupId`;

/** `@odata.context` of the collection (list) or one of its entities, on the path prefix the client used. */
const groupsContext = ({ request, version, viaAppAlias, params }: GraphRequestContext, entity: boolean): string =>
  callsContext(request, version, viaAppAlias, `${keySegment(params.callId!)}/audioRoutingGroups${entity ? '/$entity' : ''}`);

/**
 * Audio routing groups on the Graph surface, where the pages document them: v1.0 and beta, both
 * with the legacy `/app` alias (documentedAt). Create answers 200, not 201 (call-post-audioroutinggroups).
 */
export function audioRoutingRoutes(deps: AppDeps): GraphRouteSpec[] {
  const controls = deps.services.controls;
  return [
    {
      operation: 'audioRoutingGroup.create',
      method: 'POST',
      path: GROUPS,
      ...documentedAt('audioRoutingGroup.create'),
      handler: async (context) => {
        const group = await controls.createAudioRoutingGroup(context.caller, context.params.callId!, parseAudioRoutingGroup(context.request.body));
        return context.reply.code(200).send({ '@odata.context': groupsContext(context, true), ...audioRoutingGroupToGraph(group) });
      },
    },
    {
      operation: 'audioRoutingGroup.list',
      method: 'GET',
      path: GROUPS,
      ...documentedAt('audioRoutingGroup.list'),
      handler: async (context) => {
        const groups = await controls.listAudioRoutingGroups(context.caller, context.params.callId!);
        return { '@odata.context': groupsContext(context, false), value: groups.map(audioRoutingGroupToGraph) };
      },
    },
    ...itemRoutes(deps),
  ];
}

function itemRoutes(deps: AppDeps): GraphRouteSpec[] {
  const controls = deps.services.controls;
  return [
    {
      operation: 'audioRoutingGroup.get',
      method: 'GET',
      path: GROUP,
      ...documentedAt('audioRoutingGroup.get'),
      handler: async (context) => {
        const group = await controls.getAudioRoutingGroup(context.caller, context.params.callId!, context.params.groupId!);
        return { '@odata.context': groupsContext(context, true), ...audioRoutingGroupToGraph(group) };
      },
    },
    {
      // audioroutinggroup-update: 200 with the whole group as it now is.
      operation: 'audioRoutingGroup.update',
      method: 'PATCH',
      path: GROUP,
      ...documentedAt('audioRoutingGroup.update'),
      handler: async (context) => {
        const { caller, params, request } = context;
        const group = await controls.updateAudioRoutingGroup(caller, params.callId!, params.groupId!, parseAudioRoutingGroupPatch(request.body));
        return { '@odata.context': groupsContext(context, true), ...audioRoutingGroupToGraph(group) };
      },
    },
    {
      operation: 'audioRoutingGroup.delete',
      method: 'DELETE',
      path: GROUP,
      ...documentedAt('audioRoutingGroup.delete'),
      handler: async ({ reply, caller, params }) => {
        await controls.deleteAudioRoutingGroup(caller, params.callId!, params.groupId!);
        return reply.code(204).send();
      },
    },
  ];
}
