/** CLI flag ⇄ environment variable ⇄ config key, in one table (drives --help, parsing and docs). */
export interface OptionSpec {
  key: keyof import('./schema.js').Config;
  flag: string;
  env: string;
  type: 'int' | 'number' | 'string' | 'boolean' | 'list';
  help: string;
}

export const startOptions: OptionSpec[] = [
  { key: 'port', flag: '--port <n>', env: 'SWITCHBOARD_PORT', type: 'int', help: 'HTTPS port for identity, Graph, control API and callback keys (default 8443)' },
  { key: 'console', flag: '--console <port|off>', env: 'SWITCHBOARD_CONSOLE', type: 'string', help: 'web console on plain HTTP 127.0.0.1:<port> (default 4000, a free port when taken; off: only at <https>/_switchboard/console/)' },
  { key: 'httpPort', flag: '--http-port <n>', env: 'SWITCHBOARD_HTTP_PORT', type: 'int', help: 'also serve plain HTTP on 127.0.0.1:<n> (loopback only; off by default)' },
  { key: 'host', flag: '--host <addr>', env: 'SWITCHBOARD_HOST', type: 'string', help: 'interface for the HTTPS listener (default 127.0.0.1)' },
  { key: 'dataDir', flag: '--data <dir>', env: 'SWITCHBOARD_DATA', type: 'string', help: 'data directory: database, CA, certificates, admin key (default ./.switchboard)' },
  { key: 'inMemory', flag: '--in-memory', env: 'SWITCHBOARD_IN_MEMORY', type: 'boolean', help: 'keep the world and all state in memory (nothing survives a restart)' },
  { key: 'database', flag: '--database <url>', env: 'DATABASE_URL', type: 'string', help: 'keep state in PostgreSQL (postgres://user:pass@host:5432/db) instead of SQLite in the data directory' },
  { key: 'worldFile', flag: '--world <file>', env: 'SWITCHBOARD_WORLD', type: 'string', help: 'world file (YAML or JSON) that replaces or extends the demo world' },
  { key: 'tlsNames', flag: '--tls-name <name...>', env: 'SWITCHBOARD_TLS_NAMES', type: 'list', help: 'extra DNS names/IPs for the server certificate (env: comma-separated)' },
  { key: 'logLevel', flag: '--log-level <level>', env: 'SWITCHBOARD_LOG_LEVEL', type: 'string', help: 'fatal|error|warn|info|debug|trace|silent (default info)' },
  { key: 'bodyLimit', flag: '--body-limit <bytes>', env: 'SWITCHBOARD_BODY_LIMIT', type: 'int', help: 'largest accepted request body in bytes (default 1048576)' },
  { key: 'latency', flag: '--latency <profile>', env: 'SWITCHBOARD_LATENCY', type: 'string', help: 'call transition timing: instant (tests) or realistic (default)' },
  { key: 'timeScale', flag: '--time-scale <factor>', env: 'SWITCHBOARD_TIME_SCALE', type: 'number', help: 'speed the clock up, e.g. 60 makes the 45-minute keepAlive rule take 45 s (default 1)' },
  { key: 'clock', flag: '--clock <mode>', env: 'SWITCHBOARD_CLOCK', type: 'string', help: 'start the virtual clock running or paused (default: as stored, else running); see docs/time.md' },
  { key: 'import', flag: '--import <file>', env: 'SWITCHBOARD_IMPORT', type: 'string', help: 'replace the state with this export file at start (docs/export-format.md)' },
  { key: 'exportOnExit', flag: '--export-on-exit <file>', env: 'SWITCHBOARD_EXPORT_ON_EXIT', type: 'string', help: 'write the whole state to this file when the server stops (SIGINT, SIGTERM, close)' },
  { key: 'callbackHosts', flag: '--callback-host <host...>', env: 'SWITCHBOARD_CALLBACK_HOSTS', type: 'list', help: 'hosts callbacks may go to besides loopback; * allows any (env: comma-separated)' },
  { key: 'allowHttpCallbacks', flag: '--allow-http-callbacks', env: 'SWITCHBOARD_ALLOW_HTTP_CALLBACKS', type: 'boolean', help: 'allow http:// callbacks to non-loopback callback hosts (loopback http is always allowed)' },
  { key: 'callbackTimeoutMs', flag: '--callback-timeout <ms>', env: 'SWITCHBOARD_CALLBACK_TIMEOUT', type: 'int', help: 'timeout of one callback POST (default 5000)' },
  { key: 'callbackMaxAttempts', flag: '--callback-attempts <n>', env: 'SWITCHBOARD_CALLBACK_ATTEMPTS', type: 'int', help: 'attempts per notification before it is abandoned (default 8)' },
  { key: 'leaseMs', flag: '--lease-ms <ms>', env: 'SWITCHBOARD_LEASE_MS', type: 'int', help: 'how long a claimed callback or timer stays leased to this node: the takeover bound when a node dies (default: callbacks 2 × callback timeout + 30 s, timers 30 s)' },
  { key: 'faultsFile', flag: '--faults <file>', env: 'SWITCHBOARD_FAULTS', type: 'string', help: 'fault rules file (YAML or JSON) loaded at start: Graph errors, latency, throttling (docs/faults.md)' },
  { key: 'faultSeed', flag: '--fault-seed <n>', env: 'SWITCHBOARD_FAULT_SEED', type: 'int', help: 'seed of the fault rules\' rate draws, for reproducible runs (default: the stored seed, else 1)' },
  { key: 'scenarioFile', flag: '--scenario <file>', env: 'SWITCHBOARD_SCENARIO', type: 'string', help: 'scenario file (YAML or JSON) to run once the server listens: simulated people on a timeline (docs/scenarios.md)' },
  { key: 'storeChecks', flag: '--store-checks', env: 'SWITCHBOARD_STORE_CHECKS', type: 'boolean', help: 'throw when the store is used from inside its own transaction instead of hanging (costs ~8 % CPU; default: on under node --test only; env 0 turns it off)' },
  { key: 'callbackMaxAgeMs', flag: '--callback-max-age <ms>', env: 'SWITCHBOARD_CALLBACK_MAX_AGE', type: 'int', help: 'abandon a notification older than this (default 600000)' },
];
