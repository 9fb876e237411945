/**
 * The server side of a bench server child (server-child.ts, join-server-child.ts): starts the
 * real server the way test/helpers/server.ts does (loadConfig + startServer, 127.0.0.1, port 0,
 * silent, instant latency), announces `ready` (or `failed`), answers `sample` and `stop`, and
 * hands any other message to the child's own handler.
 */
import { loadConfig } from '../../src/config/load.js';
import { startServer, type RunningServer } from '../../src/runtime/start-server.js';
import type { ChildReady, ParentMessage } from './server-protocol.js';
import { sampleServer } from './server-sample.js';

export const sendToParent = (message: unknown): void => void process.send?.(message);

export async function serveBenchChild(flags: Record<string, unknown>, onOther: (server: RunningServer, message: { type: string }) => void = () => undefined): Promise<void> {
  // The parent went away (crash, time limit): never outlive it.
  process.on('disconnect', () => process.exit(0));
  let server: RunningServer;
  try {
    // Environment ignored ({}): a SWITCHBOARD_* variable in the shell must not change what is measured.
    server = await startServer(loadConfig({ port: 0, logLevel: 'silent', latency: 'instant', ...flags }, {}));
  } catch (error) {
    sendToParent({ type: 'failed', error: error instanceof Error ? error.stack : String(error) });
    process.exit(1);
  }
  sendToParent(readyOf(server));
  process.on('message', (message: ParentMessage | { type: string }) => {
    if (isSample(message)) void sampleServer(server, message.id).then(sendToParent);
    else if (message.type === 'stop') void server.close().finally(() => process.exit(0));
    else onOther(server, message);
  });
}

function readyOf(server: RunningServer): ChildReady {
  return {
    type: 'ready',
    port: Number(new URL(server.httpsUrl).port),
    caPem: server.tls.caPem,
    adminKey: server.deps.adminKey,
    gcForced: typeof globalThis.gc === 'function',
    ...(server.httpUrl ? { httpPort: Number(new URL(server.httpUrl).port) } : {}),
  };
}

const isSample = (message: { type: string }): message is Extract<ParentMessage, { type: 'sample' }> => message.type === 'sample';
