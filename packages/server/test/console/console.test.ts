/**
 * The web console in a real browser (issue 7): sign in through the banner's link, watch a bot
 * join a demo meeting, join a person from the console and see the roster update without a
 * reload, mute them and see both the roster and the bot's roster notification, then find that
 * callback with its decoded claims in the Callbacks view.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO } from '../../src/world/demo-world.js';
import { startTestServer } from '../helpers/server.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { joinByMeetingId } from '../e2e/support/bodies.js';
import { harnessFor, type E2e } from '../e2e/support/harness.js';
import { isRoster, waitForNotice, waitForState } from '../e2e/support/notifications.js';
import { ARTIFACTS, assertConsoleBuilt, browserMissing, launchBrowser } from './browser.js';

const skip = browserMissing();
if (skip) process.stderr.write(`${skip}\n`);

const STANDUP = DEMO.meetings.standup;
const ALEX = DEMO.users.alex;
const UI_TIMEOUT = 10_000;

describe('console: in Chromium', { skip: skip ?? false }, () => {
  let e2e: E2e;
  let browser: Browser;
  let page: Page;
  let rx: WebhookReceiver;
  let callId = '';

  before(async () => {
    assertConsoleBuilt();
    e2e = harnessFor(await startTestServer({ flags: { console: '0', latency: 'instant' } }));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(UI_TIMEOUT);
  });
  after(async () => {
    await browser?.close();
    await e2e?.close();
  });

  it('signs in with the link the banner prints', async () => {
    assert.ok(e2e.server.consoleUrl, 'the server has a console listener');
    await page.goto(`${e2e.server.consoleUrl}#key=${e2e.server.deps.adminKey}`);
    await page.getByRole('heading', { name: 'Meetings and calls' }).waitFor();
    assert.doesNotMatch(page.url(), /key=/, 'the key is taken out of the address bar');
    await page.getByRole('status').filter({ hasText: 'live' }).waitFor();
  });

  it('shows a bot that joins the meeting, live', async () => {
    const meeting = page.locator(`[data-meeting="${STANDUP.id}"]`);
    await meeting.getByText('no bot has joined yet').waitFor();
    rx = await e2e.receiver();
    const created = await e2e.graph.request('POST', '/communications/calls', joinByMeetingId(rx.url));
    assert.equal(created.status, 201, created.raw);
    callId = String(created.body.id);
    await waitForState(rx, callId, 'established');
    await meeting.locator('.badge.bot').waitFor();
  });

  it('joins a person from the console; the roster updates without a reload', async () => {
    const meeting = page.locator(`[data-meeting="${STANDUP.id}"]`);
    await meeting.getByLabel('Join as').selectOption(ALEX.id);
    await meeting.getByRole('button', { name: 'Join', exact: true }).click();
    await meeting.locator(`tr[data-name="${ALEX.displayName}"]`).waitFor();
    await waitForNotice(rx, callId, (n) => isRoster(n) && n.participants?.some((p) => p.identityId === ALEX.id) === true);
  });

  it('mutes the person: the roster shows it and the bot gets the roster notification', async () => {
    const row = page.locator(`[data-meeting="${STANDUP.id}"] tr[data-name="${ALEX.displayName}"]`);
    await row.getByRole('button', { name: `Mute ${ALEX.displayName}` }).click();
    await row.locator('.badge.muted').waitFor();
    await waitForNotice(rx, callId, (n) => isRoster(n) && n.participants?.some((p) => p.identityId === ALEX.id && p.isMuted) === true);
    await page.screenshot({ path: join(ARTIFACTS, 'console-meetings.png') });
  });

  it('lists the callback with its decoded claims', async () => {
    await page.getByRole('link', { name: 'Callbacks' }).click();
    const delivery = page.locator(`li.delivery[data-call="${callId}"]`).first();
    await delivery.waitFor();
    await delivery.getByText('Token claims').click();
    await delivery.locator('.claims dt', { hasText: /^aud$/ }).waitFor();
    const claims = await delivery.locator('.claims dd').allTextContents();
    assert.ok(claims.includes(DEMO.appId), `the audience claim is the bot's app id: ${claims.join(', ')}`);
    await page.screenshot({ path: join(ARTIFACTS, 'console-callbacks.png'), fullPage: true });
  });
});
