import { participantToGraph } from '../../wire/participant-to-graph.js';
import type { AppDeps } from '../../services.js';
import { callsContext, keySegment } from './call-urls.js';
import { documentedAt } from './documented-route.js';
import { sendCollection, sendEntity } from './entity-json.js';
import type { GraphRouteSpec } from './graph-route.js';

/** The roster as seen from one of the app's calls (call-list-participants, participant-get). */
export function participantRoutes(deps: AppDeps): GraphRouteSpec[] {
  const calls = deps.services.calls;
  return [
    {
      operation: 'participant.list',
      method: 'GET',
      path: '/communications/calls/:callId/participants',
      ...documentedAt('participant.list'),
      handler: async ({ request, reply, version, caller, viaAppAlias, params }) => {
        const participants = await calls.listParticipants(caller, params.callId!);
        const context = callsContext(request, version, viaAppAlias, `${keySegment(params.callId!)}/participants`);
        return sendCollection(reply, context, participants.map((participant) => participantToGraph(participant, version)));
      },
    },
    {
      operation: 'participant.get',
      method: 'GET',
      path: '/communications/calls/:callId/participants/:participantId',
      ...documentedAt('participant.get'),
      handler: async ({ request, reply, version, caller, viaAppAlias, params }) => {
        const participant = await calls.getParticipant(caller, params.callId!, params.participantId!);
        const context = callsContext(request, version, viaAppAlias, `${keySegment(params.callId!)}/participants/$entity`);
        return sendEntity(reply, context, participantToGraph(participant, version));
      },
    },
  ];
}
