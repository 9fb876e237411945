import { z } from 'zod';

/**
 * The one configuration schema. Every option has a CLI flag and an environment twin
 * (see config/options.ts); the result is parsed once and frozen.
 */
export const configSchema = z.strictObject({
  /** HTTPS listener port (identity, Graph, control API, callback keys). */
  port: z.number().int().min(0).max(65535),
  /** Optional plain-HTTP listener, bound to loopback only. */
  httpPort: z.number().int().min(0).max(65535).optional(),
  /** The console's loopback HTTP port ('0' any free port) or 'off'. */
  console: z.string().regex(/^(off|\d{1,5})$/, 'a port number or off'),
  /** Interface for the HTTPS listener. */
  host: z.string().min(1),
  /** Where the SQLite database, TLS material and admin key live. */
  dataDir: z.string().min(1),
  /** Keep the world and all state in memory (TLS material and admin key still go to dataDir). */
  inMemory: z.boolean(),
  /** A postgres:// URL: keep state in that PostgreSQL database instead of SQLite in dataDir. */
  database: z.string().regex(/^postgres(ql)?:\/\//i, 'must be a postgres:// or postgresql:// URL').optional(),
  /** A world file (YAML or JSON) that replaces or extends the demo world. */
  worldFile: z.string().min(1).optional(),
  /** Extra DNS names or IPs for the server certificate. */
  tlsNames: z.array(z.string().min(1)),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** Largest request body accepted on Graph and control routes, in bytes. */
  bodyLimit: z.number().int().min(1024),
  /** How long call transitions take: `instant` for tests, `realistic` like the real service. */
  latency: z.enum(['instant', 'realistic']),
  /** Speeds the clock up (60 = the 45-minute keepAlive rule takes 45 s). */
  timeScale: z.number().positive().max(100_000),
  /** Start the virtual clock running or paused; unset keeps the stored state (docs/time.md). */
  clock: z.enum(['running', 'paused']).optional(),
  /** An export file (docs/export-format.md) that replaces the state at start. */
  import: z.string().min(1).optional(),
  /** Where to write the whole state when the server stops. */
  exportOnExit: z.string().min(1).optional(),
  /** Hosts callbacks may go to besides loopback (`*` = any host). SSRF guard: see docs. */
  callbackHosts: z.array(z.string().min(1)),
  /** Allow plain-http callbacks to non-loopback hosts of callbackHosts. */
  allowHttpCallbacks: z.boolean(),
  /** Per-attempt timeout of a callback POST, in ms. */
  callbackTimeoutMs: z.number().int().min(100).max(120_000),
  /** Attempts per notification before it is dropped (and logged as abandoned). */
  callbackMaxAttempts: z.number().int().min(1).max(100),
  /** A notification older than this (ms, clock time) is abandoned instead of retried. */
  callbackMaxAgeMs: z.number().int().min(1000),
  /**
   * How long a node's claim on a callback or timer lasts, in real ms: when a node dies, the others
   * take its work over this long after its claim at most. Unset: timers 30 s, callbacks
   * 2 × callbackTimeoutMs + 30 s. A callback lease never drops below callbackTimeoutMs + 1 s, so a
   * live node's attempt ends before another node may start the same one.
   */
  leaseMs: z.number().int().min(1000).max(600_000).optional(),
  /** A fault rules file (YAML or JSON) loaded at start; its rules replace the previous file's (docs/faults.md). */
  faultsFile: z.string().min(1).optional(),
  /** Seed of the fault rules' `rate` draws; unset: the stored seed, else 1. */
  faultSeed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  /** A scenario file (YAML or JSON) started once the server listens (docs/scenarios.md). */
  scenarioFile: z.string().min(1).optional(),
  /**
   * Detect a store used from inside one of its own transactions (it throws instead of hanging).
   * Unset: on under `node --test` only, because detection costs about 8 % of a GET's CPU
   * (docs/perf/http.md, round 2).
   */
  storeChecks: z.boolean().optional(),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

export const configDefaults: Config = {
  port: 8443,
  console: '4000',
  host: '127.0.0.1',
  dataDir: './.switchboard',
  inMemory: false,
  tlsNames: [],
  logLevel: 'info',
  bodyLimit: 1024 * 1024,
  latency: 'realistic',
  timeScale: 1,
  callbackHosts: [],
  allowHttpCallbacks: false,
  callbackTimeoutMs: 5000,
  callbackMaxAttempts: 8,
  callbackMaxAgeMs: 10 * 60 * 1000,
};
