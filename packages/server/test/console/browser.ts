/**
 * Headless Chromium for the console tests, from Debian's package (never downloaded): .ci/run
 * installs it; on a machine without it the browser suites are skipped and say why (CI sets
 * SWITCHBOARD_REQUIRE_BROWSER=1 so there a missing browser fails instead).
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CONSOLE_DIR } from '../../src/http/console/console-routes.js';

export const CHROMIUM = process.env.SWITCHBOARD_CHROMIUM || '/usr/bin/chromium';

/** Screenshots land here (git-ignored test artifacts). */
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `no Chromium at ${CHROMIUM} (apt-get install chromium, or set SWITCHBOARD_CHROMIUM); browser suites skipped`;
  if (process.env.SWITCHBOARD_REQUIRE_BROWSER === '1') throw new Error(`SWITCHBOARD_REQUIRE_BROWSER is set but ${reason}`);
  return reason;
}

/** A clear failure instead of a UI timeout when the console's files were never built. */
export function assertConsoleBuilt(): void {
  assert.ok(existsSync(join(CONSOLE_DIR, 'index.html')), `the console is not built in ${CONSOLE_DIR}: run npm run build`);
}

export async function launchBrowser(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
