import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DELIVERY_SQL } from '../../src/storage/sqlite/delivery-statements.js';
import { STATEMENT_SQL } from '../../src/storage/sqlite/statements.js';

/**
 * A bare LIMIT/OFFSET parameter lets SQLite's planner look at the bound value, so the statement
 * is compiled again after every new binding (better-sqlite3 binds on every run): the outbox claim
 * paid that on every claim. The statements write those parameters as `CAST(@x AS INTEGER)`.
 */
describe('sqlite statements', () => {
  const texts = Object.entries({ ...STATEMENT_SQL, ...Object.fromEntries(Object.entries(DELIVERY_SQL).map(([k, v]) => [`deliveries.${k}`, v])) });

  it('never take a bare parameter as LIMIT or OFFSET', () => {
    const bare = texts.filter(([, text]) => /\b(LIMIT|OFFSET)\s+[@:$?]/i.test(text)).map(([name]) => name);
    assert.deepEqual(bare, []);
  });

  it('checks the statements that do page or claim (the guard above is not vacuous)', () => {
    const paged = texts.filter(([, text]) => /\b(LIMIT|OFFSET)\s+CAST\(@\w+ AS INTEGER\)/.test(text)).map(([name]) => name).sort();
    assert.deepEqual(paged, ['deliveries.list', 'deliveries.prune', 'docList', 'outboxClaim', 'timerClaim']);
  });
});
