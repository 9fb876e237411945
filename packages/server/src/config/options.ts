/** CLI flag ⇄ environment variable ⇄ config key, in one table (drives --help, parsing and docs). */
export interface OptionSpec {
  key: 'port' | 'httpPort' | 'host' | 'dataDir' | 'inMemory' | 'worldFile' | 'tlsNames' | 'logLevel' | 'bodyLimit';
  flag: string;
  env: string;
  type: 'int' | 'string' | 'boolean' | 'list';
  help: string;
}

export const startOptions: OptionSpec[] = [
  { key: 'port', flag: '--port <n>', env: 'SWITCHBOARD_PORT', type: 'int', help: 'HTTPS port for identity, Graph, control API and callback keys (default 8443)' },
  { key: 'httpPort', flag: '--http-port <n>', env: 'SWITCHBOARD_HTTP_PORT', type: 'int', help: 'also serve plain HTTP on 127.0.0.1:<n> (loopback only; off by default)' },
  { key: 'host', flag: '--host <addr>', env: 'SWITCHBOARD_HOST', type: 'string', help: 'interface for the HTTPS listener (default 127.0.0.1)' },
  { key: 'dataDir', flag: '--data <dir>', env: 'SWITCHBOARD_DATA', type: 'string', help: 'data directory: database, CA, certificates, admin key (default ./.switchboard)' },
  { key: 'inMemory', flag: '--in-memory', env: 'SWITCHBOARD_IN_MEMORY', type: 'boolean', help: 'keep the world and all state in memory (nothing survives a restart)' },
  { key: 'worldFile', flag: '--world <file>', env: 'SWITCHBOARD_WORLD', type: 'string', help: 'world file (YAML or JSON) that replaces or extends the demo world' },
  { key: 'tlsNames', flag: '--tls-name <name...>', env: 'SWITCHBOARD_TLS_NAMES', type: 'list', help: 'extra DNS names/IPs for the server certificate (env: comma-separated)' },
  { key: 'logLevel', flag: '--log-level <level>', env: 'SWITCHBOARD_LOG_LEVEL', type: 'string', help: 'fatal|error|warn|info|debug|trace|silent (default info)' },
  { key: 'bodyLimit', flag: '--body-limit <bytes>', env: 'SWITCHBOARD_BODY_LIMIT', type: 'int', help: 'largest accepted request body in bytes (default 1048576)' },
];
