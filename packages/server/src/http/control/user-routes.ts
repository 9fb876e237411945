import * as In from '../../world/world-inputs.schema.js';
import { tenantFilterSchema, userListSchema, userSchema } from './schemas.js';
import { CONTROL_PREFIX, created, noContent, ok, route } from './route-table.js';

export const userRoutes = [
  route({
    operationId: 'listUsers', method: 'GET', url: `${CONTROL_PREFIX}/users`, summary: 'List users', tag: 'Users', status: 200, query: tenantFilterSchema, response: userListSchema,
    handle: async ({ services, query }) => ok({ value: await services.worldService.listUsers({ tenantId: query.tenantId }) }),
  }),
  route({
    operationId: 'createUser', method: 'POST', url: `${CONTROL_PREFIX}/users`, summary: "Create a user (UPN in the tenant's domain)", tag: 'Users', status: 201, body: In.userCreateSchema, response: userSchema,
    handle: async ({ services, body }) => {
      const user = await services.worldService.createUser(body);
      return created(`${CONTROL_PREFIX}/users/${user.id}`, user);
    },
  }),
  route({
    operationId: 'getUser', method: 'GET', url: `${CONTROL_PREFIX}/users/:userId`, summary: 'Read a user', tag: 'Users', status: 200, response: userSchema,
    handle: async ({ services, params }) => ok(await services.worldService.getUser(params.userId ?? '')),
  }),
  route({
    operationId: 'updateUser', method: 'PATCH', url: `${CONTROL_PREFIX}/users/:userId`, summary: 'Change display name or UPN', tag: 'Users', status: 200, body: In.userPatchSchema, response: userSchema,
    handle: async ({ services, params, body }) => ok(await services.worldService.updateUser(params.userId ?? '', body)),
  }),
  route({
    operationId: 'deleteUser', method: 'DELETE', url: `${CONTROL_PREFIX}/users/:userId`, summary: 'Delete a user (409 while they organize a meeting)', tag: 'Users', status: 204,
    handle: async ({ services, params }) => {
      await services.worldService.deleteUser(params.userId ?? '');
      return noContent();
    },
  }),
];
