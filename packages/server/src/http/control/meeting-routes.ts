import * as In from '../../world/world-inputs.schema.js';
import { meetingListSchema, meetingSchema, tenantFilterSchema } from './schemas.js';
import { CONTROL_PREFIX, created, noContent, ok, route } from './route-table.js';

export const meetingRoutes = [
  route({
    operationId: 'listMeetings', method: 'GET', url: `${CONTROL_PREFIX}/meetings`, summary: 'List meetings', tag: 'Meetings', status: 200, query: tenantFilterSchema, response: meetingListSchema,
    handle: async ({ services, query }) => ok({ value: await services.worldService.listMeetings({ tenantId: query.tenantId }) }),
  }),
  route({
    operationId: 'createMeeting', method: 'POST', url: `${CONTROL_PREFIX}/meetings`, summary: 'Create a meeting (join link, meeting id, passcode and chat thread derived unless given)', tag: 'Meetings', status: 201, body: In.meetingCreateSchema, response: meetingSchema,
    handle: async ({ services, body }) => {
      const meeting = await services.worldService.createMeeting(body);
      return created(`${CONTROL_PREFIX}/meetings/${meeting.id}`, meeting);
    },
  }),
  route({
    operationId: 'getMeeting', method: 'GET', url: `${CONTROL_PREFIX}/meetings/:meetingId`, summary: 'Read a meeting', tag: 'Meetings', status: 200, response: meetingSchema,
    handle: async ({ services, params }) => ok(await services.worldService.getMeeting(params.meetingId ?? '')),
  }),
  route({
    operationId: 'updateMeeting', method: 'PATCH', url: `${CONTROL_PREFIX}/meetings/:meetingId`, summary: 'Change subject, organizer, passcode, lobby or times (join coordinates stay)', tag: 'Meetings', status: 200, body: In.meetingPatchSchema, response: meetingSchema,
    handle: async ({ services, params, body }) => ok(await services.worldService.updateMeeting(params.meetingId ?? '', body)),
  }),
  route({
    operationId: 'deleteMeeting', method: 'DELETE', url: `${CONTROL_PREFIX}/meetings/:meetingId`, summary: 'Delete a meeting', tag: 'Meetings', status: 204,
    handle: async ({ services, params }) => {
      await services.worldService.deleteMeeting(params.meetingId ?? '');
      return noContent();
    },
  }),
];
