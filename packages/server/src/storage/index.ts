export * from './ports.js';
export { LeaseLostError, SchemaTooNewError, StoreMisuseError } from './errors.js';
export { openStore, DATABASE_FILE, type OpenStoreOptions } from './open-store.js';
export { MemoryStore } from './memory/memory-store.js';
export { SqliteStore } from './sqlite/sqlite-store.js';
export { PostgresStore } from './postgres/postgres-store.js';
