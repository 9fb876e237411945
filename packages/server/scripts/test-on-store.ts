/**
 * Runs the integration suite (test/e2e) on one store: `tsx scripts/test-on-store.ts sqlite|postgres|memory`.
 * On postgres it first checks that a server answers; when none does (a laptop without one) it says
 * so plainly and exits 0, so `npm test` stays green and the skip is visible. The multi-node suites
 * are left out: they run on PostgreSQL in every pass already.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unreachableReason } from '../test/storage/postgres-server.js';
import { testStore, type TestStore } from '../test/helpers/test-backend.js';

const store = (process.argv[2] ?? '') as TestStore;
process.env.SWITCHBOARD_TEST_STORE = store;
testStore();

if (store === 'postgres') {
  const reason = await unreachableReason();
  if (reason) {
    process.stdout.write(`\n# integration suite on postgres: SKIPPED — ${reason}\n\n`);
    process.exit(0);
  }
}

const files = readdirSync('test/e2e')
  .filter((name) => name.endsWith('.test.ts') && !name.startsWith('multi-node'))
  .sort()
  .map((name) => join('test/e2e', name));
process.stdout.write(`\n# integration suite on ${store}: ${files.length} files\n`);
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit', env: process.env });
process.exit(run.status ?? 1);
