import { z } from 'zod';
import { listActiveConferences } from '../../calls/use-cases/list-conferences.js';
import { listCallOperations } from '../../calls/use-cases/list-operations.js';
import { rosterParticipantSchema } from './people-routes.js';
import { CONTROL_PREFIX, ok, route } from './route-table.js';
import { responseComponents } from './schemas.js';

const resultInfoSchema = z.object({ code: z.number(), subcode: z.number(), message: z.string() });

export const callOperationSchema = z.object({
  id: z.string(),
  callId: z.string(),
  type: z.string().describe('Graph type, e.g. muteParticipantOperation.'),
  status: z.string().describe('notStarted, running, completed or failed.'),
  clientContext: z.string().optional(),
  resultInfo: resultInfoSchema.optional(),
  createdAt: z.number().describe('Milliseconds since the epoch (server clock).'),
  finishedAt: z.number().optional(),
  extra: z.record(z.string(), z.unknown()),
});
export const callOperationListSchema = z.object({ value: z.array(callOperationSchema) });

export const conferenceSchema = z.object({
  id: z.string(),
  kind: z.string().describe('meeting or groupCall (peer-to-peer calls have a conference too).'),
  tenantId: z.string(),
  meetingId: z.string().optional(),
  rosterSequence: z.number(),
  createdAt: z.number(),
  participants: z.array(rosterParticipantSchema),
});
export const conferenceListSchema = z.object({ value: z.array(conferenceSchema) });

responseComponents.add(conferenceSchema, { id: 'Conference' });
responseComponents.add(conferenceListSchema, { id: 'ConferenceList' });
responseComponents.add(callOperationSchema, { id: 'CallOperation' });
responseComponents.add(callOperationListSchema, { id: 'CallOperationList' });

/** A call leg's operations timeline and the active conferences (debugging; the console). */
export const operationRoutes = [
  route({
    operationId: 'listCallOperations', method: 'GET', url: `${CONTROL_PREFIX}/calls/:callId/operations`, summary: "A call leg's operations, oldest first (started, completed, failed, clientContext)", tag: 'Calls', status: 200, response: callOperationListSchema,
    handle: async ({ services, params }) => ok({ value: await listCallOperations(services.store, params.callId ?? '') }),
  }),
  route({
    operationId: 'listConferences', method: 'GET', url: `${CONTROL_PREFIX}/conferences`, summary: 'Active conferences (meetings with people in them, group and peer-to-peer calls) with their rosters, newest first', tag: 'Calls', status: 200, response: conferenceListSchema,
    handle: async ({ services }) => ok({ value: (await listActiveConferences(services.store)).map(({ id, kind, tenantId, meetingId, rosterSequence, createdAt, participants }) => ({ id, kind, tenantId, ...(meetingId ? { meetingId } : {}), rosterSequence, createdAt, participants })) }),
  }),
];
