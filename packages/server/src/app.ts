import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppDeps } from './services.js';
import { installRequestIds, newRequestId } from './http/request-context.js';
import { installErrorHandler } from './http/error-response.js';
import { registerIdentityRoutes } from './http/identity/register.js';
import { registerControlRoutes } from './http/control/register.js';
import { registerGraphRoutes } from './http/graph/register.js';
import { registerCallbackKeyRoutes } from './http/callbacks/register.js';
import { registerConsoleRoutes } from './http/console/console-routes.js';

export interface BuildOptions {
  /** pino logger options, or false in tests. */
  logger?: FastifyServerOptions['logger'];
  /** Extra Fastify options (the HTTPS listener passes its TLS material here). */
  https?: { key: string; cert: string } | null;
}

/**
 * Builds the HTTP app without listening (tests inject into it). The pipeline, in order:
 * request ids → routing (case-insensitive, `//` collapsed) → body parsing (size-limited) →
 * per-area admission (admin key / bearer token) → handler → one error renderer.
 */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: newRequestId,
    requestIdHeader: false,
    // Per-request log lines only when asked for (debug/trace): a bot's test suite sends thousands.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(deps.config.logLevel) }),
    bodyLimit: deps.config.bodyLimit,
    routerOptions: { caseSensitive: false, ignoreDuplicateSlashes: true, ignoreTrailingSlash: true },
    ...(options.https ? { https: options.https } : {}),
  }) as unknown as FastifyInstance;
  installRequestIds(app);
  installErrorHandler(app, { bodyLimit: deps.config.bodyLimit, now: () => new Date(deps.clock.now()) });
  await registerIdentityRoutes(app, deps);
  await registerControlRoutes(app, deps);
  registerCallbackKeyRoutes(app, { callbackKeys: deps.services.callbackKeys });
  await registerGraphRoutes(app, deps);
  await registerConsoleRoutes(app, deps);
  // For load balancers (docs/deployment.md): healthy only while the node can read its store.
  app.get('/_switchboard/health', async (_request, reply) => {
    try {
      await deps.store.docs.get('health', 'probe');
      return { status: 'ok', backend: deps.store.backend };
    } catch {
      return reply.code(503).send({ status: 'unavailable', backend: deps.store.backend });
    }
  });
  return app;
}
