import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../services.js';
import { parseInput } from '../../world/parse-input.js';
import { adminGuard } from '../admin-guard.js';
import { CONTROL_ROUTES } from './routes.js';
import type { ControlRoute, RouteInput, RouteReply } from './route-table.js';

/**
 * Registers every row of the control-API table; all but the OpenAPI document need the admin key.
 * The routes live in their own scope so its JSON parser can accept an empty body: curl and test
 * helpers send `Content-Type: application/json` on DELETE and bodiless PUT requests.
 */
export async function registerControlRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(async (scope) => {
    tolerateEmptyJson(scope);
    acceptYamlText(scope);
    const guard = adminGuard(deps.adminKey);
    for (const route of CONTROL_ROUTES) {
      scope.route({
        method: route.method,
        url: route.url,
        ...(route.public ? {} : { preHandler: guard }),
        handler: async (request, reply) => send(reply, route, await route.handle(inputOf(route, request, deps))),
      });
    }
  });
}

/** A YAML body (scenarios, docs/scenarios.md) arrives as `{ yaml: <text> }`: parsed by its use case, so its errors keep line numbers. */
function acceptYamlText(scope: FastifyInstance): void {
  scope.addContentTypeParser(['application/yaml', 'application/x-yaml', 'text/yaml'], { parseAs: 'string' }, (_request, body, done) => done(null, { yaml: String(body) }));
}

/** Fastify's own JSON parser (with its prototype-poisoning guard), except that no body is no body. */
function tolerateEmptyJson(scope: FastifyInstance): void {
  const parseJson = scope.getDefaultJsonParser('error', 'error');
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    return parseJson(request, text, done);
  });
}

function inputOf(route: ControlRoute, request: FastifyRequest, deps: AppDeps): RouteInput<unknown> {
  return {
    params: request.params as Record<string, string>,
    query: (route.query ? parseInput(route.query, request.query ?? {}, '(query)') : {}) as RouteInput<unknown>['query'],
    body: route.body ? parseInput(route.body, request.body) : undefined,
    services: deps.services,
  };
}

function send(reply: FastifyReply, route: ControlRoute, result: RouteReply): FastifyReply {
  reply.code(route.status);
  if (result.location) reply.header('location', result.location);
  return route.status === 204 ? reply.send() : reply.send(result.body);
}
