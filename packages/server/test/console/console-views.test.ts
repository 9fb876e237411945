/**
 * The console's other views in Chromium (issue 7): a call leg's operations timeline and audio
 * routing, consent toggles in the World view, a permission page, and fault rules and the clock
 * in "Faults and time" — each change made in the browser checked through the control API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO } from '../../src/world/demo-world.js';
import { startTestServer } from '../helpers/server.js';
import { joinByMeetingId } from '../e2e/support/bodies.js';
import { harnessFor, type E2e } from '../e2e/support/harness.js';
import { waitForState } from '../e2e/support/notifications.js';
import { people } from '../e2e/support/people.js';
import { assertConsoleBuilt, browserMissing, launchBrowser } from './browser.js';

const skip = browserMissing();
const UI_TIMEOUT = 10_000;

describe('console: views in Chromium', { skip: skip ?? false }, () => {
  let e2e: E2e;
  let browser: Browser;
  let page: Page;

  before(async () => {
    assertConsoleBuilt();
    e2e = harnessFor(await startTestServer({ flags: { console: '0', latency: 'instant' } }));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(UI_TIMEOUT);
    await page.goto(`${e2e.server.consoleUrl}#key=${e2e.server.deps.adminKey}`);
    await page.getByRole('heading', { name: 'Meetings and calls' }).waitFor();
  });
  after(async () => {
    await browser?.close();
    await e2e?.close();
  });

  it("shows a call leg's state and its operations timeline as the bot acts", async () => {
    const rx = await e2e.receiver();
    const created = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
    const callId = String(created.body.id);
    await waitForState(rx, callId, 'established');
    const alex = await people(e2e.control).join(DEMO.meetings.standup.id, { userId: DEMO.users.alex.id });
    await page.goto(`${e2e.server.consoleUrl}#/calls/${callId}`);
    await page.getByTestId('call-state').filter({ hasText: 'established' }).waitFor();
    await page.getByText('No operations yet').waitFor();
    const muted = await e2e.graph.request('POST', `/communications/calls/${callId}/participants/${alex.participantId}/mute`, { clientContext: 'console-ops' });
    assert.equal(muted.status, 200, muted.raw);
    const entry = page.locator('.timeline li', { hasText: 'muteParticipantOperation' });
    await entry.getByText('console-ops').waitFor();
    assert.equal(await entry.getAttribute('data-status'), 'completed');
    await page.getByRole('table', { name: 'Who hears whom' }).getByText('hears').first().waitFor();
  });

  it('grants and revokes a permission from the World view', async () => {
    await page.getByRole('link', { name: 'World' }).click();
    const box = page.locator('fieldset.consent', { hasText: DEMO.appId }).first().getByLabel('Calls.Initiate.All');
    const before = await box.isChecked();
    await box.click();
    await waitUntil(async () => (await consentHas('Calls.Initiate.All')) === !before);
    await box.click();
    await waitUntil(async () => (await consentHas('Calls.Initiate.All')) === before);
  });

  it('shows a permission page with its methods per version', async () => {
    await page.getByRole('link', { name: 'Permissions' }).click();
    await page.getByRole('link', { name: 'Calls.JoinGroupCall.All' }).click();
    await page.getByRole('heading', { name: 'Calls.JoinGroupCall.All' }).waitFor();
    await page.getByRole('region', { name: 'Methods in v1.0' }).getByText('/communications/calls/{id}/participants/{id}/mute').first().waitFor();
  });

  it('adds and removes a fault rule from "Faults and time"', async () => {
    await page.getByRole('link', { name: 'Faults and time' }).click();
    await page.getByText('No fault rules').waitFor();
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.locator('li', { hasText: 'graphError' }).first().waitFor();
    const listed = await e2e.control.expect<{ rules: unknown[] }>(200, 'GET', '/faults');
    assert.equal(listed.rules.length, 1);
    await page.getByRole('button', { name: /^Remove rule/ }).click();
    await page.getByText('No fault rules').waitFor();
  });

  it('sets the throttling profile and runs a scenario from "Faults and time"', async () => {
    await page.getByRole('button', { name: 'Throttle like Graph' }).click();
    await page.getByTestId('throttling').filter({ hasText: 'graph-calls' }).waitFor();
    const book = await e2e.control.expect<{ throttling: { profile: string; limitScale?: number } }>(200, 'GET', '/faults');
    assert.deepEqual(book.throttling, { profile: 'graph-calls', limitScale: 0.001 });
    await page.getByRole('button', { name: 'Throttling off' }).click();
    await page.getByTestId('throttling').filter({ hasText: 'off' }).waitFor();
    const scenario = ['name: console smoke', 'meeting: standup', 'people:', '  megan: megan', 'timeline:', '  - { at: 0s, action: join, person: megan }'].join('\n');
    await page.getByLabel('Scenario (YAML, see docs/scenarios.md)').fill(scenario);
    await page.getByRole('button', { name: 'Run scenario' }).click();
    await page.getByRole('list', { name: 'Scenario runs' }).getByText('console smoke').waitFor();
  });

  it('lets a person call an app from the Calls view', async () => {
    const rx = await e2e.receiver();
    await e2e.control.expect(200, 'PATCH', `/apps/${DEMO.appId}`, { callingWebhookUrl: rx.url });
    await page.getByRole('link', { name: 'Calls' }).click();
    await page.getByLabel('Caller').selectOption(DEMO.users.lynne.id);
    await page.getByLabel('App to call').selectOption(DEMO.appId);
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    const incoming = await rx.waitFor((callback) => JSON.stringify(callback.body).includes('"changeType":"created"'), UI_TIMEOUT);
    assert.ok(incoming, 'the bot got the incoming call');
    await page.locator('tr[data-call]').filter({ hasText: 'incoming' }).first().waitFor();
  });

  it('lists a group call with its roster in the Meetings view', async () => {
    const rx = await e2e.receiver();
    const target = (id: string) => ({ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: { '@odata.type': '#microsoft.graph.identitySet', user: { '@odata.type': '#microsoft.graph.identity', id } } });
    const created = await e2e.graph.request('POST', '/communications/calls', {
      '@odata.type': '#microsoft.graph.call', callbackUri: rx.url, requestedModalities: ['audio'], mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
      targets: [target(DEMO.users.megan.id), target(DEMO.users.diego.id)], tenantId: DEMO.tenantId,
    });
    assert.equal(created.status, 201, created.raw);
    await waitForState(rx, String(created.body.id), 'established');
    await page.getByRole('link', { name: 'Meetings' }).click();
    const card = page.locator('article[data-conference]').first();
    await card.locator(`tr[data-name="${DEMO.users.diego.displayName}"]`).waitFor();
  });

  async function consentHas(permission: string): Promise<boolean> {
    const consent = await e2e.control.expect<{ permissions: string[] }>(200, 'GET', `/tenants/${DEMO.tenantId}/consents/${DEMO.appId}`);
    return consent.permissions.includes(permission);
  }
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = UI_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
