/**
 * `npm run example:assistant`: starts Switchboard in this process (or uses the one at
 * SWITCHBOARD_URL), starts the scenario in scenario.yaml, starts the meeting assistant, prints what
 * both do, and exits when the scenario and the meeting are over (at most 3 minutes).
 *
 * Options (environment): SWITCHBOARD_URL + SWITCHBOARD_DATA to use a running server (with
 * NODE_EXTRA_CA_CERTS=<data>/ca.pem), SWITCHBOARD_TIME_SCALE for the in-process one (default 2).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, setGlobalDispatcher } from 'undici';
import { loadConfig } from '../../packages/server/src/config/load.js';
import { startServer } from '../../packages/server/src/runtime/start-server.js';
import { startAssistant } from './assistant.js';
import { configFromEnv } from './config.js';
import { followScenario, startScenario, type Control } from './control.js';

const LIMIT_MS = 180_000;

interface Switchboard {
  api: Control;
  close(): Promise<void>;
}

/** A running server named by SWITCHBOARD_URL, else a fresh in-memory one whose CA this process trusts. */
async function switchboard(): Promise<Switchboard> {
  const url = process.env.SWITCHBOARD_URL;
  if (url) {
    const adminKey = (await readFile(join(process.env.SWITCHBOARD_DATA ?? '.switchboard', 'admin.key'), 'utf8')).trim();
    return { api: { baseUrl: url, adminKey }, close: async () => {} };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-assistant-'));
  const timeScale = Number(process.env.SWITCHBOARD_TIME_SCALE ?? 2);
  const server = await startServer(loadConfig({ port: 0, httpPort: 0, console: 'off', inMemory: true, logLevel: 'silent', dataDir, timeScale }, {}));
  setGlobalDispatcher(new Agent({ connect: { ca: server.tls.caPem } }));
  const adminKey = (await readFile(join(dataDir, 'admin.key'), 'utf8')).trim();
  console.log(`[run] Switchboard in process at ${server.httpsUrl} (time ×${timeScale})`);
  const close = async (): Promise<void> => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { api: { baseUrl: server.httpsUrl, adminKey }, close };
}

const { api, close } = await switchboard();
const yaml = await readFile(new URL('./scenario.yaml', import.meta.url), 'utf8');
const run = await startScenario(api, yaml);
console.log(`[run] scenario ${run.id} started; the people wait for the assistant`);
const assistant = await startAssistant(configFromEnv({ PORT: '0', ...process.env }, api.baseUrl));
const finished = await followScenario(api, run.id, console.log, LIMIT_MS);
await Promise.race([assistant.assistant.ended, new Promise((resolve) => setTimeout(resolve, 10_000))]);
const state = assistant.state();
await assistant.close();
await close();
console.log(`[run] scenario ${finished.status} with ${finished.errors} failed step(s); the assistant logged ${state.journal.length} events`);
process.exit(finished.status === 'completed' && finished.errors === 0 ? 0 : 1);
