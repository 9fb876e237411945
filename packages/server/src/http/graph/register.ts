import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../services.js';
import { DomainError } from '../../domain/errors/index.js';
import { graphAdmission, authenticate } from './admission.js';
import { registerGraphRoute, type KnownRoute } from './graph-route.js';
import { unknownRouteError } from './unknown-route.js';
import { faultGate } from './fault-gate.js';
import { callRoutes } from './calls.routes.js';
import { participantRoutes } from './participants.routes.js';
import { operationRoutes } from './operations.routes.js';
import { meetingFeatureRoutes } from './meeting-features.routes.js';
import { audioRoutingRoutes } from './audio-routing.routes.js';
import { participantControlRoutes } from './participant-controls.routes.js';
import { mediaRoutes, registerRecordingRoute } from './media.routes.js';

const GRAPH_ROOT = /^\/+(v1\.0|beta)(?=\/|$)/i;

/**
 * The Graph surface (`/v1.0`, `/beta`). Runs in its own plugin scope so only JSON bodies are
 * accepted here (form bodies belong to the token endpoint).
 */
export async function registerGraphRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const known: KnownRoute[] = [];
  await app.register(async (scope) => {
    scope.removeContentTypeParser('text/plain');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, parseJsonBody);
    const admit = graphAdmission(deps.services.verifier, faultGate(deps.services.faultRules));
    for (const spec of [...callRoutes(deps), ...participantRoutes(deps), ...operationRoutes(deps), ...meetingFeatureRoutes(deps), ...audioRoutingRoutes(deps), ...participantControlRoutes(deps), ...mediaRoutes(deps)]) known.push(...registerGraphRoute(scope, spec, admit));
  });
  registerRecordingRoute(app, deps);
  app.setNotFoundHandler(async (request) => {
    const path = request.url.split('?')[0] ?? '';
    const root = GRAPH_ROOT.exec(path);
    if (!root) throw new DomainError('notFound');
    await authenticate(deps.services.verifier, request);
    const segments = path.slice(root[0].length).split('/').filter(Boolean);
    throw unknownRouteError(known, request.method, root[1]!.toLowerCase() === 'beta' ? 'beta' : 'v1.0', segments);
  });
}

/** Graph accepts an empty body on actions that take no parameters (keepAlive, reject …). */
function parseJsonBody(_request: unknown, body: string, done: (err: Error | null, value?: unknown) => void): void {
  if (body.trim() === '') return done(null, undefined);
  try {
    done(null, JSON.parse(body));
  } catch {
    done(new DomainError('invalidJson'));
  }
}
