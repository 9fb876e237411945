import * as In from '../../world/world-inputs.schema.js';
import { consentListSchema, consentSchema } from './schemas.js';
import { CONTROL_PREFIX, noContent, ok, route } from './route-table.js';

const base = `${CONTROL_PREFIX}/tenants/:tenantId/consents`;

/** Admin consent of an app in a tenant (`:tenantId` is an id or a domain). */
export const consentRoutes = [
  route({
    operationId: 'listConsents', method: 'GET', url: base, summary: 'List the consents granted in a tenant', tag: 'Consent', status: 200, response: consentListSchema,
    handle: async ({ services, params }) => ok({ value: await services.worldService.listConsents(params.tenantId ?? '') }),
  }),
  route({
    operationId: 'getConsent', method: 'GET', url: `${base}/:appId`, summary: "Read an app's consent in a tenant", tag: 'Consent', status: 200, response: consentSchema,
    handle: async ({ services, params }) => ok(await services.worldService.getConsent(params.tenantId ?? '', params.appId ?? '')),
  }),
  route({
    operationId: 'replaceConsent', method: 'PUT', url: `${base}/:appId`, summary: 'Replace the granted permissions (creates the consent when needed)', tag: 'Consent', status: 200, body: In.consentPutSchema, response: consentSchema,
    handle: async ({ services, params, body }) => ok(await services.worldService.setConsent(params.tenantId ?? '', params.appId ?? '', body.permissions)),
  }),
  route({
    operationId: 'deleteConsent', method: 'DELETE', url: `${base}/:appId`, summary: "Remove the app's consent (and service principal) from the tenant", tag: 'Consent', status: 204,
    handle: async ({ services, params }) => {
      await services.worldService.deleteConsent(params.tenantId ?? '', params.appId ?? '');
      return noContent();
    },
  }),
  route({
    operationId: 'grantPermission', method: 'PUT', url: `${base}/:appId/permissions/:permission`, summary: 'Grant one calling permission', tag: 'Consent', status: 200, response: consentSchema,
    handle: async ({ services, params }) => ok(await services.worldService.grantPermission(params.tenantId ?? '', params.appId ?? '', params.permission ?? '')),
  }),
  route({
    operationId: 'revokePermission', method: 'DELETE', url: `${base}/:appId/permissions/:permission`, summary: 'Revoke one calling permission (idempotent)', tag: 'Consent', status: 204,
    handle: async ({ services, params }) => {
      await services.worldService.revokePermission(params.tenantId ?? '', params.appId ?? '', params.permission ?? '');
      return noContent();
    },
  }),
];
