import * as In from '../../world/world-inputs.schema.js';
import { applicationListSchema, applicationSchema, certificateSchema, newSecretSchema } from './schemas.js';
import { CONTROL_PREFIX, created, noContent, ok, route } from './route-table.js';

const appUrl = (appId: string): string => `${CONTROL_PREFIX}/apps/${appId}`;

export const applicationRoutes = [
  route({
    operationId: 'listApplications', method: 'GET', url: `${CONTROL_PREFIX}/apps`, summary: 'List applications (secrets without values)', tag: 'Applications', status: 200, response: applicationListSchema,
    handle: async ({ services }) => ok({ value: await services.worldService.listApplications() }),
  }),
  route({
    operationId: 'createApplication', method: 'POST', url: `${CONTROL_PREFIX}/apps`, summary: 'Register an application (appId generated when absent)', tag: 'Applications', status: 201, body: In.applicationCreateSchema, response: applicationSchema,
    handle: async ({ services, body }) => {
      const app = await services.worldService.createApplication(body);
      return created(appUrl(app.appId), app);
    },
  }),
  route({
    operationId: 'getApplication', method: 'GET', url: `${CONTROL_PREFIX}/apps/:appId`, summary: 'Read an application', tag: 'Applications', status: 200, response: applicationSchema,
    handle: async ({ services, params }) => ok(await services.worldService.getApplication(params.appId ?? '')),
  }),
  route({
    operationId: 'updateApplication', method: 'PATCH', url: `${CONTROL_PREFIX}/apps/:appId`, summary: 'Rename an application or set its calling webhook (null removes it)', tag: 'Applications', status: 200, body: In.applicationPatchSchema, response: applicationSchema,
    handle: async ({ services, params, body }) => ok(await services.worldService.updateApplication(params.appId ?? '', body)),
  }),
  route({
    operationId: 'deleteApplication', method: 'DELETE', url: `${CONTROL_PREFIX}/apps/:appId`, summary: 'Delete an application and its consents', tag: 'Applications', status: 204,
    handle: async ({ services, params }) => {
      await services.worldService.deleteApplication(params.appId ?? '');
      return noContent();
    },
  }),
  route({
    operationId: 'addSecret', method: 'POST', url: `${CONTROL_PREFIX}/apps/:appId/secrets`, summary: 'Add a client secret; the answer carries its value, shown only this once', tag: 'Applications', status: 201, body: In.secretCreateSchema, response: newSecretSchema,
    handle: async ({ services, params, body }) => {
      const secret = await services.worldService.addSecret(params.appId ?? '', body);
      return created(`${appUrl(params.appId ?? '')}/secrets/${secret.id}`, secret);
    },
  }),
  route({
    operationId: 'revokeSecret', method: 'DELETE', url: `${CONTROL_PREFIX}/apps/:appId/secrets/:secretId`, summary: 'Revoke a client secret', tag: 'Applications', status: 204,
    handle: async ({ services, params }) => {
      await services.worldService.revokeSecret(params.appId ?? '', params.secretId ?? '');
      return noContent();
    },
  }),
  route({
    operationId: 'addCertificate', method: 'POST', url: `${CONTROL_PREFIX}/apps/:appId/certificates`, summary: 'Add a client certificate (public PEM) for client assertions', tag: 'Applications', status: 201, body: In.certificateCreateSchema, response: certificateSchema,
    handle: async ({ services, params, body }) => {
      const certificate = await services.worldService.addCertificate(params.appId ?? '', body);
      return created(`${appUrl(params.appId ?? '')}/certificates/${certificate.id}`, certificate);
    },
  }),
  route({
    operationId: 'revokeCertificate', method: 'DELETE', url: `${CONTROL_PREFIX}/apps/:appId/certificates/:certificateId`, summary: 'Revoke a client certificate', tag: 'Applications', status: 204,
    handle: async ({ services, params }) => {
      await services.worldService.revokeCertificate(params.appId ?? '', params.certificateId ?? '');
      return noContent();
    },
  }),
];
