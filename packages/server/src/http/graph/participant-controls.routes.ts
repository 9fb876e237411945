import type { FastifyReply } from 'fastify';
import type { Operation } from '../../domain/calls/types.js';
import type { AppDeps } from '../../services.js';
import { parseControlCommand, parseMuteAll, parseStartHoldMusic } from '../../wire/requests/controls.js';
import { documentedAt } from './documented-route.js';
import type { GraphRequestContext, GraphRouteSpec } from './graph-route.js';
import { sendOperation } from './operation-reply.js';

type ActionOperation = 'participant.mute' | 'participant.muteAll' | 'participant.startHoldMusic' | 'participant.stopHoldMusic' | 'call.mute' | 'call.unmute';

const CALL = '/communications/calls/:callId';
const PARTICIPANT = `${CALL}/participants/:participantId`;

const PATHS: Record<ActionOperation, string> = {
  'participant.mute': `${PARTICIPANT}/mute`,
  'participant.muteAll': `${CALL}/participants/muteAll`,
  'participant.startHoldMusic': `${PARTICIPANT}/startHoldMusic`,
  'participant.stopHoldMusic': `${PARTICIPANT}/stopHoldMusic`,
  'call.mute': `${CALL}/mute`,
  'call.unmute': `${CALL}/unmute`,
};

/** An action that answers with its operation: 200 (mutes, already completed) or 202 (hold music, running). */
function action(operation: ActionOperation, status: 200 | 202, run: (context: GraphRequestContext) => Promise<Operation>): GraphRouteSpec {
  return {
    operation,
    method: 'POST',
    path: PATHS[operation],
    ...documentedAt(operation),
    action: true,
    handler: async (context) => sendOperation(context.reply, context.request, context.version, await run(context), status),
  };
}

/**
 * Participant controls and the app's own mute on the Graph surface, exactly where the method pages
 * document them (documentedAt): muteAll only in beta, so v1.0 answers it as any unknown segment;
 * hold music without `/app`. Operations come with their `Location` (sendOperation).
 */
export function participantControlRoutes(deps: AppDeps): GraphRouteSpec[] {
  const controls = deps.services.controls;
  return [
    action('participant.mute', 200, ({ request, caller, params }) => controls.muteParticipant(caller, params.callId!, params.participantId!, parseControlCommand(request.body))),
    action('participant.muteAll', 200, async (context) => {
      deprecated(context);
      return controls.muteAll(context.caller, context.params.callId!, parseMuteAll(context.request.body));
    }),
    action('participant.startHoldMusic', 202, ({ request, caller, params }) => controls.startHoldMusic(caller, params.callId!, params.participantId!, parseStartHoldMusic(request.body))),
    action('participant.stopHoldMusic', 202, ({ request, caller, params }) => controls.stopHoldMusic(caller, params.callId!, params.participantId!, parseControlCommand(request.body))),
    action('call.mute', 200, ({ request, caller, params }) => controls.muteSelf(caller, params.callId!, parseControlCommand(request.body))),
    action('call.unmute', 200, ({ request, caller, params }) => controls.unmuteSelf(caller, params.callId!, parseControlCommand(request.body))),
    {
      // participant-delete: 204; the tenant's meeting configuration must allow the app.
      operation: 'participant.delete',
      method: 'DELETE',
      path: PARTICIPANT,
      ...documentedAt('participant.delete'),
      handler: async ({ reply, caller, params }): Promise<FastifyReply> => {
        await controls.removeParticipant(caller, params.callId!, params.participantId!);
        return reply.code(204).send();
      },
    },
  ];
}

/** The page says removal was announced for 15 March 2020 (participant-muteall). */
const MUTE_ALL_SUNSET = '@1584230400';
const MUTE_ALL_DOCS = 'https://learn.microsoft.com/en-us/graph/api/participant-muteall?view=graph-rest-beta';
const MUTE_ALL_WARNING = 'participants/muteAll is deprecated (removal announced for 15 March 2020); mute participants one by one with POST /communications/calls/{id}/participants/{id}/mute';

/**
 * muteAll still works, but says it is deprecated: `Deprecation` (RFC 9745, dated the announced
 * removal), a `Link` to the page that says so, a `Warning` a developer can read, and the log.
 */
function deprecated({ request, reply, caller, params }: GraphRequestContext): void {
  reply.header('deprecation', MUTE_ALL_SUNSET).header('link', `<${MUTE_ALL_DOCS}>; rel="deprecation"; type="text/html"`).header('warning', `299 - "${MUTE_ALL_WARNING}"`);
  request.log.warn({ appId: caller.appId, callId: params.callId }, MUTE_ALL_WARNING);
}
