import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../services.js';
import { RECORDINGS_PATH } from '../../calls/media/recordings.js';
import { parseMediaClientContext, parsePlayPrompt, parseRecordResponse, parseSendDtmfTones } from '../../wire/requests/media.js';
import { baseUrlOf } from '../request-context.js';
import { documentedAt } from './documented-route.js';
import type { GraphRouteSpec } from './graph-route.js';
import { sendOperation } from './operation-reply.js';

type MediaOperation = 'call.playPrompt' | 'call.recordResponse' | 'call.cancelMediaProcessing' | 'call.subscribeToTone' | 'call.sendDtmfTones';

function action(operation: MediaOperation, handler: GraphRouteSpec['handler']): GraphRouteSpec {
  return { operation, method: 'POST', path: `/communications/calls/:callId/${operation.slice('call.'.length)}`, ...documentedAt(operation), action: true, handler };
}

/**
 * The media operations on the Graph surface, exactly where their method pages document them
 * (documentedAt). Every one answers 200 with its operation and `Location` (BEHAVIOR.md §6).
 */
export function mediaRoutes(deps: AppDeps): GraphRouteSpec[] {
  const media = deps.services.media;
  return [
    // call-playprompt: `loop` exists in beta only, so a v1.0 request cannot loop forever.
    action('call.playPrompt', async ({ request, reply, version, caller, params }) => {
      const { loop, ...command } = parsePlayPrompt(request.body);
      return sendOperation(reply, request, version, await media.playPrompt(caller, params.callId!, version === 'beta' && loop ? { ...command, loop } : command), 200);
    }),
    action('call.recordResponse', async ({ request, reply, version, caller, params }) =>
      sendOperation(reply, request, version, await media.recordResponse(caller, params.callId!, parseRecordResponse(request.body, baseUrlOf(request))), 200)),
    action('call.cancelMediaProcessing', async ({ request, reply, version, caller, params }) =>
      sendOperation(reply, request, version, await media.cancelMediaProcessing(caller, params.callId!, parseMediaClientContext(request.body)), 200)),
    action('call.subscribeToTone', async ({ request, reply, version, caller, params }) =>
      sendOperation(reply, request, version, await media.subscribeToTone(caller, params.callId!, parseMediaClientContext(request.body)), 200)),
    action('call.sendDtmfTones', async ({ request, reply, version, caller, params }) =>
      sendOperation(reply, request, version, await media.sendDtmfTones(caller, params.callId!, parseSendDtmfTones(request.body)), 200)),
  ];
}

/**
 * GET recordingLocation (call-record example 2): guarded by the operation's recordingAccessToken,
 * not by the admin key or a Graph token, so it lives outside both route tables.
 */
export function registerRecordingRoute(app: FastifyInstance, deps: AppDeps): void {
  app.get(`${RECORDINGS_PATH}/:recordingId`, async (request, reply) => {
    const { recordingId } = request.params as { recordingId: string };
    const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const wav = await deps.services.media.downloadRecording(recordingId, bearer);
    return reply.code(200).header('content-type', 'application/octet-stream').send(wav);
  });
}
