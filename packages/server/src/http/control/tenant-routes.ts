import * as In from '../../world/world-inputs.schema.js';
import { meetingConfigurationSchema, tenantListSchema, tenantSchema } from './schemas.js';
import { CONTROL_PREFIX, created, noContent, ok, route } from './route-table.js';

const tenantUrl = (id: string): string => `${CONTROL_PREFIX}/tenants/${encodeURIComponent(id)}`;

/** `:tenantId` takes the tenant id or its domain everywhere. */
export const tenantRoutes = [
  route({
    operationId: 'listTenants', method: 'GET', url: `${CONTROL_PREFIX}/tenants`, summary: 'List tenants', tag: 'Tenants', status: 200, response: tenantListSchema,
    handle: async ({ services }) => ok({ value: await services.worldService.listTenants() }),
  }),
  route({
    operationId: 'createTenant', method: 'POST', url: `${CONTROL_PREFIX}/tenants`, summary: 'Create a tenant (id generated when absent)', tag: 'Tenants', status: 201, body: In.tenantCreateSchema, response: tenantSchema,
    handle: async ({ services, body }) => {
      const tenant = await services.worldService.createTenant(body);
      return created(tenantUrl(tenant.id), tenant);
    },
  }),
  route({
    operationId: 'getTenant', method: 'GET', url: `${CONTROL_PREFIX}/tenants/:tenantId`, summary: 'Read a tenant', tag: 'Tenants', status: 200, response: tenantSchema,
    handle: async ({ services, params }) => ok(await services.worldService.getTenant(params.tenantId ?? '')),
  }),
  route({
    operationId: 'updateTenant', method: 'PATCH', url: `${CONTROL_PREFIX}/tenants/:tenantId`, summary: 'Rename a tenant or change its domain', tag: 'Tenants', status: 200, body: In.tenantPatchSchema, response: tenantSchema,
    handle: async ({ services, params, body }) => ok(await services.worldService.updateTenant(params.tenantId ?? '', body)),
  }),
  route({
    operationId: 'deleteTenant', method: 'DELETE', url: `${CONTROL_PREFIX}/tenants/:tenantId`, summary: 'Delete an empty tenant (409 while users, meetings, apps or consents remain)', tag: 'Tenants', status: 204,
    handle: async ({ services, params }) => {
      await services.worldService.deleteTenant(params.tenantId ?? '');
      return noContent();
    },
  }),
  route({
    operationId: 'getMeetingConfiguration', method: 'GET', url: `${CONTROL_PREFIX}/tenants/:tenantId/meetingConfiguration`, summary: "Read the tenant's application meeting configuration", tag: 'Tenants', status: 200, response: meetingConfigurationSchema,
    handle: async ({ services, params }) => ok(await services.worldService.getMeetingConfiguration(params.tenantId ?? '')),
  }),
  route({
    operationId: 'replaceMeetingConfiguration', method: 'PUT', url: `${CONTROL_PREFIX}/tenants/:tenantId/meetingConfiguration`, summary: 'Replace the application meeting configuration', tag: 'Tenants', status: 200, body: In.meetingConfigurationPutSchema, response: meetingConfigurationSchema,
    handle: async ({ services, params, body }) => ok(await services.worldService.updateMeetingConfiguration(params.tenantId ?? '', body)),
  }),
  route({
    operationId: 'updateMeetingConfiguration', method: 'PATCH', url: `${CONTROL_PREFIX}/tenants/:tenantId/meetingConfiguration`, summary: 'Change fields of the application meeting configuration', tag: 'Tenants', status: 200, body: In.meetingConfigurationPatchSchema, response: meetingConfigurationSchema,
    handle: async ({ services, params, body }) => ok(await services.worldService.updateMeetingConfiguration(params.tenantId ?? '', body)),
  }),
];
