import { z } from 'zod';
import { CONTROL_PREFIX, ok, route } from './route-table.js';
import { bodyComponents, responseComponents } from './schemas.js';

/**
 * The virtual clock (issue 6; docs/time.md): read it, pause and resume it, change its speed, and
 * advance it. Advance answers once the timers it made due have fired and their callbacks are in
 * the outbox, so a test can advance 45 minutes and then expect the keepAlive timeout.
 */

export const clockViewSchema = z.object({
  now: z.number().describe('Server time, milliseconds since the epoch.'),
  iso: z.string().describe('The same instant as an ISO 8601 string.'),
  scale: z.number().describe('Clock milliseconds per real millisecond.'),
  paused: z.boolean(),
});

const advanceSchema = z.strictObject({ ms: z.number().int().min(0).max(366 * 24 * 3600 * 1000).describe('How far to move time forward, in milliseconds.') });
const scaleSchema = z.strictObject({ scale: z.number().positive().max(100_000).describe('Clock milliseconds per real millisecond (60: an hour a minute).') });

responseComponents.add(clockViewSchema, { id: 'Clock' });
bodyComponents.add(advanceSchema, { id: 'ClockAdvance' });
bodyComponents.add(scaleSchema, { id: 'ClockScale' });

const TAG = 'Clock';
const URL = `${CONTROL_PREFIX}/clock`;

export const clockRoutes = [
  route({
    operationId: 'getClock', method: 'GET', url: URL, summary: 'The virtual clock: now, scale, paused', tag: TAG, status: 200, response: clockViewSchema,
    handle: async ({ services }) => ok(services.time.view()),
  }),
  route({
    operationId: 'pauseClock', method: 'POST', url: `${URL}/pause`, summary: 'Stop time: no timer fires and no waiter wakes until resume or advance', tag: TAG, status: 200, response: clockViewSchema,
    handle: async ({ services }) => ok(await services.time.pause()),
  }),
  route({
    operationId: 'resumeClock', method: 'POST', url: `${URL}/resume`, summary: 'Let time run again from where it stood', tag: TAG, status: 200, response: clockViewSchema,
    handle: async ({ services }) => ok(await services.time.resume()),
  }),
  route<z.infer<typeof advanceSchema>>({
    operationId: 'advanceClock', method: 'POST', url: `${URL}/advance`, summary: 'Move time forward, firing due timers and waking waiters in time order; answers when that work is done', tag: TAG, status: 200,
    body: advanceSchema, response: clockViewSchema,
    handle: async ({ services, body }) => ok(await services.time.advance(body.ms)),
  }),
  route<z.infer<typeof scaleSchema>>({
    operationId: 'scaleClock', method: 'POST', url: `${URL}/scale`, summary: 'Change how fast time runs from now on', tag: TAG, status: 200,
    body: scaleSchema, response: clockViewSchema,
    handle: async ({ services, body }) => ok(await services.time.setScale(body.scale)),
  }),
];
