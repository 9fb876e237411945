import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, setGlobalDispatcher, getGlobalDispatcher, type Dispatcher } from 'undici';
import { loadConfig } from '../../src/config/load.js';
import { startServer, type RunningServer } from '../../src/runtime/start-server.js';
import { testBackend, type TestBackend } from './test-backend.js';

export interface TestServer extends RunningServer {
  /** An undici dispatcher that trusts the server's CA. */
  dispatcher: Agent;
  /** Makes Node's global fetch (used by msal-node 7 and graph-client) trust the server's CA. */
  trustGlobally(): () => void;
}

/**
 * A real server on random loopback ports, with its own temporary data directory. Without an
 * explicit store (inMemory or a database flag) it runs on the suite's store (test-backend.ts).
 */
export async function startTestServer(options: { inMemory?: boolean; flags?: Record<string, unknown>; dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'switchboard-test-')));
  const explicit = options.inMemory !== undefined || options.flags?.database !== undefined;
  const backend: TestBackend = explicit ? { inMemory: options.inMemory ?? false, flags: {}, release: async () => {} } : await testBackend();
  const config = loadConfig({ port: 0, httpPort: 0, console: 'off', dataDir, inMemory: backend.inMemory, logLevel: 'silent', ...backend.flags, ...options.flags }, {});
  const server = await startServer(config).catch(async (error: unknown) => {
    await backend.release();
    throw error;
  });
  const dispatcher = new Agent({ connect: { ca: server.tls.caPem } });
  const trustGlobally = (): (() => void) => {
    const previous: Dispatcher = getGlobalDispatcher();
    setGlobalDispatcher(dispatcher);
    return () => setGlobalDispatcher(previous);
  };
  const close = async (): Promise<void> => {
    await server.close();
    await dispatcher.close();
    await backend.release();
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
  };
  return { ...server, dispatcher, trustGlobally, close };
}
