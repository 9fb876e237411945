import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { DomainError } from '../../domain/errors/index.js';
import { permissionPage } from '../../permissions/authorize.js';
import { permissionCatalogue } from '../../permissions/catalogue.js';
import { methodMatrix } from '../../permissions/generated/method-matrix.js';
import { permissionSummaries } from '../../permissions/permission-page.js';
import { API_VERSIONS } from '../../permissions/types.js';

/** Body of GET /_switchboard/permissions: the catalogue with method counts, and the method matrix. */
function catalogueBody() {
  const counts = new Map(permissionSummaries().map((summary) => [summary.name, summary.methodCount]));
  return {
    versions: API_VERSIONS,
    permissions: permissionCatalogue.map((permission) => ({ ...permission, methodCount: counts.get(permission.name) ?? 0 })),
    operations: methodMatrix,
  };
}

/** Control-API routes that expose the calling permission catalogue; both sit behind `opts.preHandler`. */
export function registerPermissionRoutes(app: FastifyInstance, opts: { preHandler: preHandlerAsyncHookHandler }): void {
  app.get('/_switchboard/permissions', { preHandler: opts.preHandler }, async () => catalogueBody());
  app.get<{ Params: { name: string } }>('/_switchboard/permissions/:name', { preHandler: opts.preHandler }, async (request) => {
    const page = permissionPage(request.params.name);
    if (!page) throw new DomainError('permissionNotFound', { name: request.params.name });
    return page;
  });
}
