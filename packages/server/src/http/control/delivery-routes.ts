import { z } from 'zod';
import type { CallbackDeliveries, PendingCallback } from '../../notify/callback-deliveries.js';
import { notifyError } from '../../notify/notify-error.js';
import type { Services } from '../../services.js';
import type { DeliveryAttempt } from '../../storage/ports.js';
import { CONTROL_PREFIX, ok, route } from './route-table.js';
import { responseComponents } from './schemas.js';

const iso = (ms: number): string => new Date(ms).toISOString();
const digits = z.string().regex(/^\d{1,15}$/, 'a whole number');

export const deliveryFilterSchema = z.strictObject({
  callId: z.string().optional().describe('Only attempts for this call id.'),
  appId: z.string().optional().describe('Only attempts to this application (client) id.'),
  seq: digits.optional().describe('Only attempts of this outbox message.'),
  before: digits.optional().describe('Only attempts with a lower id (the next page after the last id seen).'),
  limit: z.string().regex(/^([1-9]\d{0,2}|1000)$/, '1 to 1000').optional().describe('Most attempts returned, 1–1000 (default 100).'),
});

export const deliveryAttemptSchema = z.object({
  id: z.number().int(),
  seq: z.number().int().describe('The outbox message this attempt delivered.'),
  callId: z.string(),
  appId: z.string(),
  tenantId: z.string(),
  url: z.string(),
  attempt: z.number().int().describe('1 for the first attempt of the message.'),
  at: z.string().describe('When the attempt started.'),
  status: z.number().int().optional().describe('HTTP status the bot answered; absent when it did not answer.'),
  latencyMs: z.number().optional(),
  error: z.string().optional(),
  outcome: z.enum(['delivered', 'retrying', 'abandoned', 'dropped', 'reordered']).describe('dropped and reordered: a callback fault kept the notification from being POSTed (docs/faults.md).'),
  summary: z.string(),
  requestId: z.string().optional().describe('The request-id header sent.'),
  payload: z.unknown().describe('The commsNotifications body sent.'),
  jwtClaims: z.record(z.string(), z.unknown()).describe('Claims of the bearer token sent.'),
});

export const deliveryListSchema = z.object({ value: z.array(deliveryAttemptSchema) });

export const pendingCallbackSchema = z.object({
  seq: z.number().int(),
  callId: z.string(),
  appId: z.string(),
  tenantId: z.string(),
  url: z.string(),
  summary: z.string(),
  attempts: z.number().int().describe('Attempts so far.'),
  createdAt: z.string(),
  availableAt: z.string().describe('Not sent before this time (retry backoff).'),
  lastError: z.string().optional(),
  payload: z.unknown(),
});

export const pendingCallbackListSchema = z.object({ value: z.array(pendingCallbackSchema) });

export const redeliveryResultSchema = z.object({ seq: z.number().int().describe('The new outbox message.'), callId: z.string(), url: z.string() });

responseComponents.add(deliveryAttemptSchema, { id: 'DeliveryAttempt' });
responseComponents.add(deliveryListSchema, { id: 'DeliveryAttemptList' });
responseComponents.add(pendingCallbackSchema, { id: 'PendingCallback' });
responseComponents.add(pendingCallbackListSchema, { id: 'PendingCallbackList' });
responseComponents.add(redeliveryResultSchema, { id: 'Redelivery' });

/** Until Services declares `deliveries` (the composition root adds it), it is read through this view. */
const deliveriesOf = (services: Services): CallbackDeliveries => services.deliveries;

const attemptView = ({ at, ...attempt }: DeliveryAttempt) => ({ ...attempt, at: iso(at) });
const pendingView = ({ createdAt, availableAt, ...pending }: PendingCallback) => ({ ...pending, createdAt: iso(createdAt), availableAt: iso(availableAt) });
const optionalNumber = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

function attemptId(raw: string | undefined): number {
  if (raw === undefined || !/^\d{1,15}$/.test(raw)) throw notifyError('deliveryNotFound', { id: raw ?? '' });
  return Number(raw);
}

/** Control routes of callback delivery: the delivery log, the outbox, and redelivery. */
export const deliveryRoutes = [
  route({
    operationId: 'listDeliveries', method: 'GET', url: `${CONTROL_PREFIX}/deliveries`, summary: 'Callback delivery attempts, newest first, with the body and the token claims sent', tag: 'Callbacks', status: 200, query: deliveryFilterSchema, response: deliveryListSchema,
    handle: async ({ services, query }) => {
      const filter = { callId: query.callId, appId: query.appId, seq: optionalNumber(query.seq), beforeId: optionalNumber(query.before), limit: optionalNumber(query.limit) ?? 100 };
      return ok({ value: (await deliveriesOf(services).list(filter)).map(attemptView) });
    },
  }),
  route({
    operationId: 'listPendingDeliveries', method: 'GET', url: `${CONTROL_PREFIX}/deliveries/pending`, summary: 'Callbacks not delivered yet (in order; a failing one holds back the rest of its call)', tag: 'Callbacks', status: 200, response: pendingCallbackListSchema,
    handle: async ({ services }) => ok({ value: (await deliveriesOf(services).pending()).map(pendingView) }),
  }),
  route({
    operationId: 'redeliver', method: 'POST', url: `${CONTROL_PREFIX}/deliveries/:id/redeliver`, summary: "Send a logged callback again, after the call's pending ones, with a fresh token", tag: 'Callbacks', status: 200, response: redeliveryResultSchema,
    handle: async ({ services, params }) => ok(await deliveriesOf(services).redeliver(attemptId(params.id))),
  }),
];
