import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { before, describe, it } from 'node:test';
import type { RunView } from '../../src/simulation/run-log.js';
import { DEMO } from '../../src/world/demo-world.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { answerBody } from './support/bodies.js';
import type { Json } from './support/harness.js';
import { notificationsFor, waitForNotice, waitForState } from './support/notifications.js';
import { useMeetingE2e } from './support/meeting-e2e.js';

const HOTLINE_FILE = new URL('../../../../examples/scenarios/support-hotline.yaml', import.meta.url);

/**
 * The support-hotline example against an IVR bot: each caller's incoming call is answered, the bot
 * subscribes to tones and hears the menu keys the scenario presses; the bot hangs up on the caller
 * who asks for the operator, which the scenario waits for.
 */
describe('e2e: the support-hotline scenario against an IVR bot', () => {
  const { e2e, p } = useMeetingE2e({ endMeetings: [], flags: { timeScale: 4 } });
  let webhook: WebhookReceiver;
  before(async () => {
    webhook = await e2e.receiver();
    await p.setWebhook(DEMO.appId, webhook.url);
  });

  /** The next incoming call at the webhook: answered, subscribed to tones. */
  async function answerNext(seen: Set<string>): Promise<{ callId: string; rx: WebhookReceiver }> {
    const callback = await webhook.waitFor((c) => incomingCallIds(c.body).some((id) => !seen.has(id)), 10_000);
    const callId = incomingCallIds(callback.body).find((id) => !seen.has(id)) ?? '';
    seen.add(callId);
    const rx = await e2e.receiver();
    assert.equal((await e2e.graph.request('POST', `/communications/calls/${callId}/answer`, answerBody(rx.url))).status, 202);
    await waitForState(rx, callId, 'established');
    assert.equal((await e2e.graph.request('POST', `/communications/calls/${callId}/subscribeToTone`, {})).status, 200);
    return { callId, rx };
  }

  const tonesOf = (rx: WebhookReceiver, callId: string): string[] =>
    notificationsFor(rx, callId).flatMap((n) => ((n.resourceData as Json).toneInfo as Json | undefined)?.tone ?? []).map(String);

  it('hears each caller’s menu keys, in order', async () => {
    const yaml = await readFile(HOTLINE_FILE, 'utf8');
    const started = await e2e.control.expect<RunView>(201, 'POST', '/scenarios', { yaml });
    const seen = new Set<string>();
    const diego = await answerNext(seen);
    const lynne = await answerNext(seen);
    const alex = await answerNext(seen);
    await waitForNotice(alex.rx, alex.callId, (n) => ((n.resourceData as Json).toneInfo as Json | undefined)?.tone === 'tone0', 10_000);
    assert.equal((await e2e.graph.request('DELETE', `/communications/calls/${alex.callId}`)).status, 204);
    const run = await waitUntilDone(started.id);
    assert.deepEqual(run.log.filter((r) => r.outcome === 'error').map((r) => `#${r.seq} ${r.action}: ${r.detail}`), []);
    assert.equal(run.status, 'completed');
    assert.deepEqual(tonesOf(diego.rx, diego.callId), ['tone2', 'tone1', 'pound']);
    assert.deepEqual(tonesOf(lynne.rx, lynne.callId), ['tone1']);
    assert.deepEqual(tonesOf(alex.rx, alex.callId), ['tone9', 'tone0']);
  });

  async function waitUntilDone(id: string): Promise<RunView> {
    for (let i = 0; i < 200; i++) {
      const run = await e2e.control.expect<RunView>(200, 'GET', `/scenarios/${id}`);
      if (run.status !== 'running') return run;
      await sleep(100);
    }
    assert.fail(`scenario run ${id} did not finish in 20 s`);
  }
});

function incomingCallIds(body: unknown): string[] {
  const items = ((body as { value?: Json[] } | undefined)?.value ?? []).filter((item) => item.changeType === 'created');
  return items.map((item) => /\/communications\/calls\/([^/]+)$/.exec(String(item.resourceUrl))?.[1] ?? '').filter(Boolean);
}
