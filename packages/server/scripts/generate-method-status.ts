// Writes docs/methods.md: which documented calling methods the server serves (run: npx tsx packages/server/scripts/generate-method-status.ts).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DEMO } from '../src/world/demo-world.js';
import { buildTestApp } from '../test/helpers/app.js';
import { methodStatuses, renderMethodTable } from '../test/helpers/method-status.js';

const t = await buildTestApp();
try {
  const token = await t.deps.services.tokens.issueAppToken(DEMO.appId, DEMO.tenantId, '1');
  const target = fileURLToPath(new URL('../../../docs/methods.md', import.meta.url));
  await writeFile(target, renderMethodTable(await methodStatuses(t.app, `Bearer ${token}`)));
  console.log(`wrote ${target}`);
} finally {
  await t.close();
}
