import { z } from 'zod';
import { DomainError } from '../../domain/errors/index.js';
import { CALL_FAULTS } from '../../faults/call-fault-catalog.js';
import { faultRuleSchema } from '../../faults/fault-rule.js';
import type { FaultRegistry } from '../../faults/fault-registry.js';
import { GRAPH_OPERATIONS } from '../../faults/graph-operations.js';
import { throttlingProfileSchema } from '../../faults/throttling-profile.js';
import type { Services } from '../../services.js';
import { bodyComponents, responseComponents } from './schemas.js';
import { CONTROL_PREFIX, created, noContent, ok, route } from './route-table.js';

/**
 * Fault injection (issue 6, item 4), one protocol: rules (kind, match, trigger) added here, by a
 * --faults file or per request with X-Switchboard-Fault; the seed of their rate draws; and the
 * Graph throttling profile. docs/faults.md describes the rule fields.
 */

export const faultRuleViewSchema = z.looseObject({
  id: z.string(),
  kind: z.enum(['graphError', 'latency', 'callback', 'call']),
  match: z.record(z.string(), z.unknown()),
  trigger: z.record(z.string(), z.unknown()),
  matched: z.number().describe('How often the rule matched since start, clear or new seed.'),
  fired: z.number().describe('How often it fired.'),
  source: z.enum(['api', 'file']).optional(),
});
export const faultBookSchema = z.object({ seed: z.number(), throttling: throttlingProfileSchema, rules: z.array(faultRuleViewSchema) });
export const faultSeedSchema = z.strictObject({ seed: z.number().int().min(0).max(2 ** 31 - 1).describe('Restarts the rate draws with this seed.') });
export const faultCatalogSchema = z.object({
  graphOperations: z.array(z.string()).describe('Names usable in match.operation of graphError and latency rules.'),
  callFaults: z.array(z.object({ name: z.string(), description: z.string(), resultInfo: z.object({ code: z.number(), subcode: z.number(), message: z.string() }) })),
});

bodyComponents.add(faultRuleSchema, { id: 'FaultRuleInput' });
bodyComponents.add(throttlingProfileSchema, { id: 'ThrottlingProfile' });
bodyComponents.add(faultSeedSchema, { id: 'FaultSeed' });
responseComponents.add(faultRuleViewSchema, { id: 'FaultRule' });
responseComponents.add(faultBookSchema, { id: 'FaultBook' });
responseComponents.add(faultCatalogSchema, { id: 'FaultCatalog' });
const throttlingViewSchema = throttlingProfileSchema.clone();
responseComponents.add(throttlingViewSchema, { id: 'ThrottlingProfileView' });

const faults = (services: Services): FaultRegistry => services.faultRules;
const base = `${CONTROL_PREFIX}/faults`;
const bookOf = (book: FaultRegistry): z.infer<typeof faultBookSchema> => ({ seed: book.seed(), throttling: book.throttling(), rules: book.list() });

function found(book: FaultRegistry, id: string): ReturnType<FaultRegistry['list']>[number] {
  const rule = book.get(id);
  if (!rule) throw new DomainError('faultRuleNotFound', { id });
  return rule;
}

export const faultRoutes = [
  route({
    operationId: 'listFaults', method: 'GET', url: base, summary: 'Fault rules with their counters, the seed and the throttling profile', tag: 'Faults', status: 200, response: faultBookSchema,
    handle: async ({ services }) => {
      // Counters are shared by every node on the database: show the stored ones.
      await faults(services).refreshCounts();
      return ok(bookOf(faults(services)));
    },
  }),
  route({
    operationId: 'addFault', method: 'POST', url: base, summary: 'Add a fault rule (evaluated after the rules already there)', tag: 'Faults', status: 201, body: faultRuleSchema, response: faultRuleViewSchema,
    handle: async ({ services, body }) => {
      const rule = await faults(services).add(body, 'api');
      return created(`${base}/${rule.id}`, rule);
    },
  }),
  route({
    operationId: 'clearFaults', method: 'DELETE', url: base, summary: 'Remove every rule and restart the rate draws from the seed', tag: 'Faults', status: 204,
    handle: async ({ services }) => {
      await faults(services).clear();
      return noContent();
    },
  }),
  route({
    operationId: 'getFaultCatalog', method: 'GET', url: `${base}/catalog`, summary: 'Graph operation names for match.operation and the call fault catalogue', tag: 'Faults', status: 200, response: faultCatalogSchema,
    handle: async () => ok({ graphOperations: [...GRAPH_OPERATIONS], callFaults: [...CALL_FAULTS] }),
  }),
  route({
    operationId: 'setThrottling', method: 'PUT', url: `${base}/throttling`, summary: 'Set the Graph throttling profile (off, or graph-calls with an optional scale)', tag: 'Faults', status: 200, body: throttlingProfileSchema, response: throttlingViewSchema,
    handle: async ({ services, body }) => {
      await faults(services).setThrottling(body);
      return ok(faults(services).throttling());
    },
  }),
  route({
    operationId: 'setFaultSeed', method: 'PUT', url: `${base}/seed`, summary: 'Set the seed of rate draws (restarts the sequence)', tag: 'Faults', status: 200, body: faultSeedSchema, response: faultBookSchema,
    handle: async ({ services, body }) => {
      await faults(services).setSeed(body.seed);
      return ok(bookOf(faults(services)));
    },
  }),
  route({
    operationId: 'getFault', method: 'GET', url: `${base}/:faultId`, summary: 'One fault rule with its counters', tag: 'Faults', status: 200, response: faultRuleViewSchema,
    handle: async ({ services, params }) => {
      await faults(services).refreshCounts();
      return ok(found(faults(services), params.faultId ?? ''));
    },
  }),
  route({
    operationId: 'removeFault', method: 'DELETE', url: `${base}/:faultId`, summary: 'Remove one fault rule', tag: 'Faults', status: 204,
    handle: async ({ services, params }) => {
      if (!(await faults(services).remove(params.faultId ?? ''))) throw new DomainError('faultRuleNotFound', { id: params.faultId ?? '' });
      return noContent();
    },
  }),
];
