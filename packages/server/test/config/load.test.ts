import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { configDefaults } from '../../src/config/schema.js';

describe('config', () => {
  it('starts from the documented defaults and freezes the result', () => {
    const config = loadConfig({}, {});
    assert.deepEqual({ ...config }, { ...configDefaults });
    assert.ok(Object.isFrozen(config));
  });

  it('lets environment twins override defaults and flags override both', () => {
    const env = { SWITCHBOARD_PORT: '9443', SWITCHBOARD_IN_MEMORY: 'true', SWITCHBOARD_TLS_NAMES: 'a.local, b.local', SWITCHBOARD_DATA: '/tmp/x' };
    const config = loadConfig({ port: '10443' }, env);
    assert.equal(config.port, 10443);
    assert.equal(config.inMemory, true);
    assert.deepEqual(config.tlsNames, ['a.local', 'b.local']);
    assert.equal(config.dataDir, '/tmp/x');
  });

  it('leaves store checks to the store unless --store-checks or SWITCHBOARD_STORE_CHECKS says', () => {
    assert.equal(loadConfig({}, {}).storeChecks, undefined);
    assert.equal(loadConfig({ storeChecks: true }, {}).storeChecks, true);
    assert.equal(loadConfig({}, { SWITCHBOARD_STORE_CHECKS: '0' }).storeChecks, false);
    assert.equal(loadConfig({}, { SWITCHBOARD_STORE_CHECKS: '1' }).storeChecks, true);
  });

  it('reads false-like environment booleans as false', () => {
    assert.equal(loadConfig({}, { SWITCHBOARD_IN_MEMORY: '0' }).inMemory, false);
  });

  it('rejects bad values naming the flag and its environment variable', () => {
    assert.throws(() => loadConfig({ port: 'abc' }, {}), (error: unknown) => error instanceof ConfigError && /--port \(SWITCHBOARD_PORT\)/.test(error.message));
    assert.throws(() => loadConfig({}, { SWITCHBOARD_LOG_LEVEL: 'loud' }), /--log-level/);
  });

  it('reads the PostgreSQL URL from --database or DATABASE_URL, and accepts only postgres URLs', () => {
    assert.equal(loadConfig({}, {}).database, undefined);
    assert.equal(loadConfig({}, { DATABASE_URL: 'postgres://db/env' }).database, 'postgres://db/env');
    assert.equal(loadConfig({ database: 'postgresql://db/flag' }, { DATABASE_URL: 'postgres://db/env' }).database, 'postgresql://db/flag');
    assert.throws(() => loadConfig({}, { DATABASE_URL: 'mysql://u:secret@db/x' }), (error: unknown) =>
      error instanceof ConfigError && /--database \(DATABASE_URL\)/.test(error.message) && !error.message.includes('secret'));
  });

  it('rejects keys the schema does not know', () => {
    assert.throws(() => loadConfig({ colour: 'red' } as Record<string, unknown>, {}), ConfigError);
  });
});
