import { ACCESS_TOKEN_LIFETIME_SEC } from '../../auth/app-token-claims.js';
import { DomainError } from '../../domain/errors/index.js';
import { permissionPage, permissionSummaries } from '../../permissions/permission-page.js';
import { permissionCatalogue } from '../../permissions/catalogue.js';
import { methodMatrix } from '../../permissions/generated/method-matrix.js';
import { API_VERSIONS } from '../../permissions/types.js';
import { CONTROL_PREFIX, ok, route } from './route-table.js';
import { permissionCatalogueSchema, permissionPageSchema, rotateResponseSchema, tokenRequestSchema, tokenResponseSchema } from './schemas.js';

/** Body of GET /_switchboard/permissions: the catalogue with method counts, and the method matrix. */
function catalogueBody(): Record<string, unknown> {
  const counts = new Map(permissionSummaries().map((summary) => [summary.name, summary.methodCount]));
  return {
    versions: API_VERSIONS,
    permissions: permissionCatalogue.map((permission) => ({ ...permission, methodCount: counts.get(permission.name) ?? 0 })),
    operations: methodMatrix,
  };
}

/** Control routes of the token service and the permission catalogue (same table, same OpenAPI). */
export const serviceRoutes = [
  route({
    operationId: 'rotateSigningKey', method: 'POST', url: `${CONTROL_PREFIX}/keys/rotate`, summary: 'Make a new token-signing key active; older keys stay published until their tokens expire', tag: 'Tokens', status: 200, response: rotateResponseSchema,
    handle: async ({ services }) => {
      const { kid } = await services.keys.rotate();
      return ok({ kid, keys: await services.keys.kids() });
    },
  }),
  route({
    operationId: 'issueToken', method: 'POST', url: `${CONTROL_PREFIX}/token`, summary: 'Mint an app-only Graph access token for an app in a tenant (no client credential needed)', tag: 'Tokens', status: 200, body: tokenRequestSchema, response: tokenResponseSchema,
    handle: async ({ services, body }) => ok({ access_token: await services.tokens.issueAppToken(body.appId, body.tenantId, body.appidacr), expires_in: ACCESS_TOKEN_LIFETIME_SEC }),
  }),
  route({
    operationId: 'listPermissions', method: 'GET', url: `${CONTROL_PREFIX}/permissions`, summary: 'The calling permission catalogue and the method × permission × version matrix', tag: 'Permissions', status: 200, response: permissionCatalogueSchema,
    handle: async () => ok(catalogueBody()),
  }),
  route({
    operationId: 'getPermission', method: 'GET', url: `${CONTROL_PREFIX}/permissions/:name`, summary: "One permission's page: id, display string, description and every method it grants per version and path prefix", tag: 'Permissions', status: 200, response: permissionPageSchema,
    handle: async ({ params }) => {
      const page = permissionPage(params.name ?? '');
      if (!page) throw new DomainError('permissionNotFound', { name: params.name ?? '' });
      return ok(page);
    },
  }),
];
