import { applicationRoutes } from './application-routes.js';
import { consentRoutes } from './consent-routes.js';
import { meetingRoutes } from './meeting-routes.js';
import { serviceRoutes } from './service-routes.js';
import { peopleRoutes } from './people-routes.js';
import { deliveryRoutes } from './delivery-routes.js';
import { featureRoutes } from './feature-routes.js';
import { mediaControlRoutes } from './media-routes.js';
import { audioMatrixRoutes } from './audio-matrix-routes.js';
import { clockRoutes } from './clock-routes.js';
import { stateRoutes } from './state-routes.js';
import { faultRoutes } from './fault-routes.js';
import { callFaultRoutes } from './call-fault-routes.js';
import { magicRoutes } from './magic-routes.js';
import { operationRoutes } from './operation-routes.js';
import { scenarioRoutes } from './scenario-routes.js';
import { buildOpenApiDocument } from './openapi.js';
import { CONTROL_PREFIX, ok, route, type ControlRoute } from './route-table.js';
import { openApiSchema, worldSchema } from './schemas.js';
import { tenantRoutes } from './tenant-routes.js';
import { userRoutes } from './user-routes.js';

const worldRoute = route({
  operationId: 'getWorld', method: 'GET', url: `${CONTROL_PREFIX}/world`, summary: 'The whole world as JSON (no secret hashes)', tag: 'World', status: 200, response: worldSchema,
  handle: async ({ services }) => ok(await services.worldService.exportWorld()),
});

let openApiDocument: Record<string, unknown> | undefined;

const openApiRoute = route({
  operationId: 'getOpenApiDocument', method: 'GET', url: `${CONTROL_PREFIX}/openapi.json`, summary: 'This OpenAPI 3.1 document (no admin key needed)', tag: 'World', status: 200, response: openApiSchema, public: true,
  handle: async () => ok((openApiDocument ??= buildOpenApiDocument(CONTROL_ROUTES))),
});

/** The control API, in one table: register.ts registers it and openapi.ts documents it. */
export const CONTROL_ROUTES: readonly ControlRoute[] = [worldRoute, ...tenantRoutes, ...userRoutes, ...applicationRoutes, ...consentRoutes, ...meetingRoutes, ...serviceRoutes, ...peopleRoutes, ...deliveryRoutes, ...featureRoutes, ...mediaControlRoutes, ...audioMatrixRoutes, ...operationRoutes, ...faultRoutes, ...callFaultRoutes, ...magicRoutes, ...clockRoutes, ...stateRoutes, ...scenarioRoutes, openApiRoute];
