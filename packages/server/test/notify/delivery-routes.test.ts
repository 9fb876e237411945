import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors/index.js';
import { deliveryRoutes } from '../../src/http/control/delivery-routes.js';
import { buildOpenApiDocument } from '../../src/http/control/openapi.js';
import type { ControlRoute, RouteInput } from '../../src/http/control/route-table.js';
import { CONTROL_ROUTES } from '../../src/http/control/routes.js';
import { CallbackDeliveries } from '../../src/notify/callback-deliveries.js';
import type { Services } from '../../src/services.js';
import { startHarness, type Harness } from './dispatcher-harness.js';
import { APP_ID, NOW, callbackMessage, summaryOf } from './fixtures.js';

const TEST = { timeout: 20_000 };

function row(operationId: string): ControlRoute {
  const found = deliveryRoutes.find((r) => r.operationId === operationId);
  assert.ok(found, operationId);
  return found;
}

/** Runs a row's handler as the control API would, and checks the answer against its response schema. */
async function call(h: Harness, operationId: string, input: Partial<RouteInput<unknown>> = {}): Promise<unknown> {
  const route = row(operationId);
  const services = { deliveries: new CallbackDeliveries({ store: h.store, wake: h.wake }) } as unknown as Services;
  const query = route.query ? route.query.parse(input.query ?? {}) : {};
  const { body } = await route.handle({ params: {}, body: undefined, ...input, query: query as RouteInput<unknown>['query'], services });
  const parsed = route.response?.safeParse(body);
  assert.ok(!parsed || parsed.success, `${operationId} answered outside its schema: ${parsed?.error?.message}`);
  return body;
}

describe('delivery control routes', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('lists attempts newest first with their claims and body, filtered by call', TEST, async () => {
    h = await startHarness();
    await h.send(callbackMessage('A', h.receiver.url, 'A1'), callbackMessage('B', h.receiver.url, 'B1'), callbackMessage('A', h.receiver.url, 'A2'));
    await h.dispatcher.drained();
    const all = (await call(h, 'listDeliveries')) as { value: { summary: string; at: string; jwtClaims: { aud: string }; payload: unknown }[] };
    assert.deepEqual(new Set(all.value.map((a) => a.summary)), new Set(['A1', 'B1', 'A2']));
    assert.equal(all.value[0]?.at, new Date(NOW).toISOString());
    assert.equal(all.value[0]?.jwtClaims.aud, APP_ID);
    const ofA = (await call(h, 'listDeliveries', { query: { callId: 'A', limit: '1' } })) as { value: { summary: string }[] };
    assert.deepEqual(ofA.value.map((a) => a.summary), ['A2']);
    assert.throws(() => row('listDeliveries').query?.parse({ limit: '0' }));
  });

  it('shows pending callbacks with their retry time and last error', TEST, async () => {
    h = await startHarness({ respond: () => 503 });
    await h.send(callbackMessage('A', h.receiver.url, 'A1'), callbackMessage('A', h.receiver.url, 'A2'));
    await h.logEntry((e) => e.summary === 'A1');
    const pending = (await call(h, 'listPendingDeliveries')) as { value: { summary: string; attempts: number; availableAt: string; lastError?: string }[] };
    assert.deepEqual(pending.value.map((p) => [p.summary, p.attempts, p.lastError]), [['A1', 1, 'HTTP 503'], ['A2', 0, undefined]]);
    assert.equal(pending.value[0]?.availableAt, new Date(NOW + 1000).toISOString());
  });

  it('redelivers a logged callback with the same body and a fresh token', TEST, async () => {
    h = await startHarness();
    await h.send(callbackMessage('A', h.receiver.url, 'A1'));
    const first = await h.logEntry((e) => e.summary === 'A1');
    await h.dispatcher.drained();
    h.clock.advance(5000);
    const result = (await call(h, 'redeliver', { params: { id: String(first.id) } })) as { seq: number; callId: string };
    assert.equal(result.callId, 'A');
    await h.dispatcher.drained();
    const [original, again] = h.receiver.received;
    assert.deepEqual(again?.body, original?.body);
    assert.equal(summaryOf(again?.body), 'A1');
    assert.equal(again?.valid, true);
    assert.equal(again?.claims?.iat, (original?.claims?.iat ?? 0) + 5, 'signed when sent again');
    const logged = await h.logEntry((e) => e.seq === result.seq);
    assert.equal(logged.summary, `A1 (redelivery of attempt ${first.id})`);
  });

  it('answers deliveryNotFound for an unknown or malformed id', TEST, async () => {
    h = await startHarness();
    for (const id of ['999', 'abc']) {
      await assert.rejects(call(h, 'redeliver', { params: { id } }), (error) => error instanceof DomainError && error.id === ('deliveryNotFound' as string));
    }
  });

  it('documents every row in the OpenAPI document, with named components', () => {
    const document = buildOpenApiDocument([...CONTROL_ROUTES, ...deliveryRoutes]) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    for (const path of ['/_switchboard/deliveries', '/_switchboard/deliveries/pending', '/_switchboard/deliveries/{id}/redeliver']) assert.ok(document.paths[path], path);
    for (const id of ['DeliveryAttempt', 'DeliveryAttemptList', 'PendingCallback', 'PendingCallbackList', 'Redelivery']) assert.ok(document.components.schemas[id], id);
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1] ?? '');
    for (const ref of refs) assert.ok(document.components.schemas[ref], `missing component ${ref}`);
  });
});
