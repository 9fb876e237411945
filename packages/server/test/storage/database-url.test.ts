import assert from 'node:assert/strict';
import { it } from 'node:test';
import { redactDatabaseUrl } from '../../src/storage/postgres/database-url.js';

it('masks the password of a database URL and keeps the rest readable', () => {
  assert.equal(redactDatabaseUrl('postgres://bob:s3cret@db.local:5432/switchboard'), 'postgres://bob:***@db.local:5432/switchboard');
  assert.equal(redactDatabaseUrl('postgres://bob@db.local/switchboard'), 'postgres://bob@db.local/switchboard');
  assert.doesNotMatch(redactDatabaseUrl('postgres://bob:p%40ss@db.local/x?sslmode=require'), /p%40ss|p@ss/);
  assert.equal(redactDatabaseUrl('not a url //bob:s3cret@host'), 'not a url //***@host');
});
