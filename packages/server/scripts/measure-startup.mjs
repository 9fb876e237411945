// Measures `switchboard start` from process spawn to the ready banner (first start and restarts).
// Run after `npm run build`: node packages/server/scripts/measure-startup.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/switchboard.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-startup-'));

async function startOnce() {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, 'start', '--port', '0', '--data', dataDir, '--log-level', 'silent']);
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('Press Ctrl+C') && resolve());
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
  const ms = Math.round(performance.now() - t0);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return ms;
}

try {
  console.log(`first start (creates CA, database, demo world): ${await startOnce()} ms`);
  for (let i = 1; i <= 3; i++) console.log(`restart ${i}: ${await startOnce()} ms`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
