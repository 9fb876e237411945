import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { ManualClock } from '../../src/domain/clock.js';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { startHarness } from './dispatcher-harness.js';
import { APP_ID, NOW, callbackKeys, callbackMessage, enqueue, summaryOf } from './fixtures.js';

/** What a bot does with each token: validate it against the service's OpenID metadata. */
async function assertAllValid(receiver: WebhookReceiver, metadataUrl: string, kids: string[], now: number): Promise<void> {
  const { jwks_uri: jwksUri } = (await (await fetch(metadataUrl)).json()) as { jwks_uri: string };
  const jwks = createRemoteJWKSet(new URL(jwksUri));
  for (const callback of receiver.received) {
    const { protectedHeader } = await jwtVerify(callback.token ?? '', jwks, { issuer: 'https://api.botframework.com', audience: APP_ID, currentDate: new Date(now) });
    assert.ok(kids.includes(String(protectedHeader.kid)), 'signed with the key made before the restart');
  }
}

describe('callback dispatcher across a restart', () => {
  it('delivers what a previous process left in the SQLite outbox, in order, with the same keys', { timeout: 30_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-restart-'));
    const path = join(dir, 'switchboard.db');
    const clock = new ManualClock(NOW);
    const receiver = await startWebhookReceiver();
    try {
      const previous = SqliteStore.open(path, clock);
      const kids = await (await callbackKeys(previous, clock)).kids();
      await enqueue(previous, callbackMessage('A', receiver.url, 'A1'), callbackMessage('A', receiver.url, 'A2'), callbackMessage('B', receiver.url, 'B1'));
      // The previous process had claimed A1 and died mid-POST: its lease has to run out first.
      const [interrupted] = await previous.outbox.claim({ now: clock.now(), leaseMs: 60_000, limit: 1, owner: 'node-before' });
      await previous.close();

      const reopened = SqliteStore.open(path, clock);
      const h = await startHarness({ store: reopened, clock, receiver, dispatcher: { owner: 'node-after' } });
      await receiver.waitFor((c) => summaryOf(c.body) === 'B1');
      assert.equal(receiver.received.some((c) => summaryOf(c.body) === 'A1'), false, 'A1 is still leased by the dead node');
      h.advance(60_000);
      await h.dispatcher.drained();
      assert.deepEqual(receiver.received.map((c) => summaryOf(c.body)), ['B1', 'A1', 'A2']);
      await assertAllValid(receiver, h.metadataUrl, kids, clock.now());
      const a1 = (await reopened.deliveries.list({ seq: interrupted?.seq })).at(0);
      assert.deepEqual([a1?.attempt, a1?.outcome], [2, 'delivered'], 'the interrupted attempt counts');
      await h.close();
      await reopened.close();

      const later = SqliteStore.open(path, clock);
      assert.deepEqual((await later.deliveries.list()).map((e) => [summaryOf(e.payload), e.outcome]), [['A2', 'delivered'], ['A1', 'delivered'], ['B1', 'delivered']]);
      await later.close();
    } finally {
      await receiver.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
