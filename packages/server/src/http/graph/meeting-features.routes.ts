import type { AppDeps } from '../../services.js';
import { contentSharingSessionToGraph } from '../../wire/operation-to-graph.js';
import { parseClientContextOnly, parseInvite, parseRecordingStatus, parseScreenSharingRole, parseTransfer } from '../../wire/requests/features.js';
import { callsContext, keySegment } from './call-urls.js';
import { documentedAt } from './documented-route.js';
import type { GraphRequestContext, GraphRouteSpec } from './graph-route.js';
import { sendOperation } from './operation-reply.js';

type ActionOperation = 'call.updateRecordingStatus' | 'call.addLargeGalleryView' | 'participant.invite' | 'call.changeScreenSharingRole' | 'call.transfer';

/** The action's path: call-bound, or bound to the participants collection (invite). */
const actionPath = (operation: ActionOperation): string =>
  operation === 'participant.invite' ? '/communications/calls/:callId/participants/invite' : `/communications/calls/:callId/${operation.slice('call.'.length)}`;

function action(operation: ActionOperation, handler: GraphRouteSpec['handler']): GraphRouteSpec {
  return { operation, method: 'POST', path: actionPath(operation), ...documentedAt(operation), action: true, handler };
}

/**
 * The meeting features of issue 4 on the Graph surface, served exactly where their method pages
 * document them (documentedAt: both versions; `/app` where a page lists it). Operations answer
 * with their `Location` (sendOperation); 202 actions without a body report through notifications.
 */
export function meetingFeatureRoutes(deps: AppDeps): GraphRouteSpec[] {
  const features = deps.services.features;
  const accepted = (run: (context: GraphRequestContext) => Promise<void>): GraphRouteSpec['handler'] => async (context) => {
    await run(context);
    return context.reply.code(202).send();
  };
  return [
    // call-updaterecordingstatus: 200 with a completed operation, or 8506 outside compliance recording.
    action('call.updateRecordingStatus', async ({ request, reply, version, caller, params }) =>
      sendOperation(reply, request, version, await features.updateRecordingStatus(caller, params.callId!, parseRecordingStatus(request.body)), 200)),
    // call-addlargegalleryview: 202 with a running operation, completed by a `deleted` notification.
    action('call.addLargeGalleryView', async ({ request, reply, version, caller, params }) =>
      sendOperation(reply, request, version, await features.addLargeGalleryView(caller, params.callId!, parseClientContextOnly(request.body)), 202)),
    // participant-invite: 200 with a running operation (the examples print "Running").
    action('participant.invite', async ({ request, reply, version, caller, params }) =>
      sendOperation(reply, request, version, await features.inviteParticipants(caller, params.callId!, parseInvite(request.body)), 200)),
    action('call.changeScreenSharingRole', accepted(({ request, caller, params }) => features.changeScreenSharingRole(caller, params.callId!, parseScreenSharingRole(request.body)))),
    action('call.transfer', accepted(({ request, caller, params }) => features.transfer(caller, params.callId!, parseTransfer(request.body)))),
    ...contentSharingRoutes(deps),
  ];
}

/** call-list-contentsharingsessions and contentsharingsession-get. */
function contentSharingRoutes(deps: AppDeps): GraphRouteSpec[] {
  const features = deps.services.features;
  const sessions = '/communications/calls/:callId/contentSharingSessions';
  return [
    {
      operation: 'contentSharingSession.list',
      method: 'GET',
      path: sessions,
      ...documentedAt('contentSharingSession.list'),
      handler: async ({ request, version, caller, viaAppAlias, params }) => {
        const value = (await features.listContentSharingSessions(caller, params.callId!)).map(contentSharingSessionToGraph);
        return { value, '@odata.context': callsContext(request, version, viaAppAlias, `${keySegment(params.callId!)}/contentSharingSessions`) };
      },
    },
    {
      operation: 'contentSharingSession.get',
      method: 'GET',
      path: `${sessions}/:sessionId`,
      ...documentedAt('contentSharingSession.get'),
      handler: async ({ request, version, caller, viaAppAlias, params }) => {
        const session = await features.getContentSharingSession(caller, params.callId!, params.sessionId!);
        return { '@odata.context': callsContext(request, version, viaAppAlias, `${keySegment(params.callId!)}/contentSharingSessions/$entity`), ...contentSharingSessionToGraph(session) };
      },
    },
  ];
}
