import type { RunningServer } from '../../src/runtime/start-server.js';
import type { ServerSample } from './server-protocol.js';

/**
 * What every bench server child reports on `sample`: the outbox drained, a full GC, then memory and
 * CPU. The CPU is read before and after the GC, so the benchmark's own GCs are not billed to calls.
 */
export async function sampleServer(server: RunningServer, id: number): Promise<ServerSample> {
  // Deliveries in flight hold sockets and buffers that are not per-call state.
  await server.workers.dispatcher.drained();
  const cpuBeforeGcMs = processCpuMs();
  // Twice: the first pass can leave objects that only become garbage after finalizers run.
  globalThis.gc?.();
  globalThis.gc?.();
  const cpuAfterGcMs = processCpuMs();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  return { type: 'sample', id, rss, heapUsed, heapTotal, external, arrayBuffers, cpuBeforeGcMs, cpuAfterGcMs };
}

/** User + system CPU of this process, in milliseconds. */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
