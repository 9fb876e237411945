/**
 * Profiles one HTTP row of the suite for docs/perf/http.md: sets up the HTTP fixture with the
 * Switchboard child under --cpu-prof, warms up, loads only the chosen row for `seconds`, stops the
 * child (which writes the profile) and prints the requests and the profile's path.
 *
 *   node --import tsx scripts/bench/suite/http-profile.ts <get-participant|post-mute> [seconds=5] [outDir=/tmp]
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setUpFixture } from './http-setup.js';
import { getParticipantRow, muteRow, type HttpRowSpec } from './http-rows.js';
import { runLoad } from './load-generator.js';

const [row = 'post-mute', seconds = '5', outDir = tmpdir()] = process.argv.slice(2);
const signal = AbortSignal.timeout(120_000);
const tmpDir = mkdtempSync(join(tmpdir(), 'switchboard-http-profile-'));
const profDir = mkdtempSync(join(outDir, 'http-profile-'));
const fixture = await setUpFixture({ tmpDir, muteCalls: 50, crowd: 0, signal, cpuProfDir: profDir });
try {
  const spec: HttpRowSpec = row === 'get-participant' ? await getParticipantRow(fixture) : muteRow(fixture);
  const load = (secs: number) => runLoad({ port: fixture.port, connections: 50, seconds: secs, headers: { authorization: `Bearer ${fixture.token}` }, streams: spec.streams, pin: true }, signal);
  await load(1);
  const result = await load(Number(seconds));
  console.log(`${spec.id}: ${Math.round(result.perSecond)} req/s, p99 ${result.p99Ms} ms, failures ${result.failures}`);
} finally {
  await fixture.close();
  rmSync(tmpDir, { recursive: true, force: true });
}
console.log(`profile: ${join(profDir, readdirSync(profDir)[0] ?? '?')}`);
