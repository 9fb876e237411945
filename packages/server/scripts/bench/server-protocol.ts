/** Messages between the benchmark and its server child over the fork IPC channel. */

export interface ChildReady {
  type: 'ready';
  port: number;
  caPem: string;
  adminKey: string;
  /** Whether the child runs with --expose-gc, i.e. memory samples follow a full GC. */
  gcForced: boolean;
  /** The plain-HTTP listener on 127.0.0.1, when the child was started with `--plain-http`. */
  httpPort?: number;
}

/**
 * Server memory (bytes, after the forced GC) and CPU time used so far (ms, user + system), read
 * just before and just after that GC: CPU per unit is measured from one sample's "after" to the
 * next one's "before", so the benchmark's own GCs are not billed to the calls.
 */
export interface ServerSample {
  type: 'sample';
  id: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  cpuBeforeGcMs: number;
  cpuAfterGcMs: number;
}

export type ParentMessage = { type: 'sample'; id: number } | { type: 'stop' };
