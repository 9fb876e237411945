import { z } from 'zod';
import { allowRemoveChangeSchema, recordingPolicyPutSchema } from '../../world/policy-inputs.schema.js';
import { bodyComponents, meetingConfigurationSchema, responseComponents, tenantSchema, userSchema } from './schemas.js';
import { CONTROL_PREFIX, noContent, ok, route, type RouteInput } from './route-table.js';

/**
 * Control-API rows of the meeting features (issue 4): people sharing their screen (content
 * sharing sessions), and the tenant settings Graph checks — the Teams application meeting
 * configuration (Set-CsApplicationMeetingConfiguration) and compliance recording policies
 * (Grant-CsTeamsComplianceRecordingPolicy). Every change is effective for the next request.
 */

export const contentSharingSessionViewSchema = z.object({
  id: z.string().describe('The session id Graph shows (GET …/contentSharingSessions/{id}).'),
  participantId: z.string().describe('The sharing participant.'),
  startedAt: z.number().describe('Milliseconds since the epoch (server clock).'),
});

bodyComponents.add(allowRemoveChangeSchema, { id: 'AllowRemoveParticipantAppIdsChange' });
bodyComponents.add(recordingPolicyPutSchema, { id: 'ComplianceRecordingPolicy' });
responseComponents.add(contentSharingSessionViewSchema, { id: 'ContentSharingSession' });

const participant = `${CONTROL_PREFIX}/conferences/:conferenceId/participants/:participantId`;
const ids = (params: RouteInput<unknown>['params']): [string, string] => [params.conferenceId ?? '', params.participantId ?? ''];

const sharingRoutes = [
  route({
    operationId: 'shareScreen', method: 'POST', url: `${participant}/share`, summary: 'The person starts sharing their screen (a content sharing session starts)', tag: 'People', status: 200, response: contentSharingSessionViewSchema,
    handle: async ({ services, params }) => ok(await services.features.shareScreen(...ids(params))),
  }),
  route({
    operationId: 'stopScreenSharing', method: 'POST', url: `${participant}/unshare`, summary: 'The person stops sharing their screen (the session ends)', tag: 'People', status: 204,
    handle: async ({ services, params }) => {
      await services.features.stopScreenSharing(...ids(params));
      return noContent();
    },
  }),
];

const tenant = `${CONTROL_PREFIX}/tenants/:tenantId`;
const user = `${CONTROL_PREFIX}/users/:userId`;

const policyRoutes = [
  route({
    operationId: 'setMeetingConfiguration', method: 'POST', url: `${tenant}/meetingConfiguration/set`, summary: 'Set-CsApplicationMeetingConfiguration -AllowRemoveParticipantAppIds @{Add=…; Remove=…}', tag: 'Tenants', status: 200, body: allowRemoveChangeSchema, response: meetingConfigurationSchema,
    handle: async ({ services, params, body }) => ok(await services.worldService.changeAllowRemoveParticipantAppIds(params.tenantId ?? '', body)),
  }),
  route({
    operationId: 'grantTenantRecordingPolicy', method: 'PUT', url: `${tenant}/complianceRecordingPolicy`, summary: 'Grant a compliance recording policy tenant-wide (-Global)', tag: 'Tenants', status: 200, body: recordingPolicyPutSchema, response: tenantSchema,
    handle: async ({ services, params, body }) => ok(await services.worldService.setTenantRecordingPolicy(params.tenantId ?? '', body)),
  }),
  route({
    operationId: 'removeTenantRecordingPolicy', method: 'DELETE', url: `${tenant}/complianceRecordingPolicy`, summary: 'Remove the tenant-wide compliance recording policy', tag: 'Tenants', status: 204,
    handle: async ({ services, params }) => {
      await services.worldService.setTenantRecordingPolicy(params.tenantId ?? '', undefined);
      return noContent();
    },
  }),
  route({
    operationId: 'grantUserRecordingPolicy', method: 'PUT', url: `${user}/complianceRecordingPolicy`, summary: 'Grant a compliance recording policy to a user', tag: 'Users', status: 200, body: recordingPolicyPutSchema, response: userSchema,
    handle: async ({ services, params, body }) => ok(await services.worldService.setUserRecordingPolicy(params.userId ?? '', body)),
  }),
  route({
    operationId: 'removeUserRecordingPolicy', method: 'DELETE', url: `${user}/complianceRecordingPolicy`, summary: "Remove a user's compliance recording policy", tag: 'Users', status: 204,
    handle: async ({ services, params }) => {
      await services.worldService.setUserRecordingPolicy(params.userId ?? '', undefined);
      return noContent();
    },
  }),
];

export const featureRoutes = [...sharingRoutes, ...policyRoutes];
