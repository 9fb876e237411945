import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoreMisuseError } from '../../src/storage/errors.js';
import { Mutex, reentryChecksByDefault } from '../../src/storage/shared/mutex.js';

describe('Mutex', () => {
  it('runs callers one at a time, in arrival order, with or without re-entry checks', async () => {
    for (const detectReentry of [true, false]) {
      const mutex = new Mutex({ detectReentry });
      const events: string[] = [];
      const step = (name: string) => mutex.run(async () => {
        events.push(`${name} in`);
        await new Promise((resolve) => setImmediate(resolve));
        events.push(`${name} out`);
      });
      await Promise.all([step('a'), step('b')]);
      assert.deepEqual(events, ['a in', 'a out', 'b in', 'b out']);
    }
  });

  it('throws on re-entry from inside the lock when checks are on, and frees the lock afterwards', async () => {
    const mutex = new Mutex({ detectReentry: true });
    await mutex.run(async () => {
      await assert.rejects(mutex.run(async () => 1), StoreMisuseError);
    });
    assert.equal(await mutex.run(async () => 2), 2);
  });

  it('checks re-entry under the test runner unless told otherwise, not in production', () => {
    assert.equal(new Mutex().detectsReentry, true, 'this process runs under node --test');
    assert.equal(new Mutex({ detectReentry: false }).detectsReentry, false);
    assert.equal(reentryChecksByDefault({ NODE_TEST_CONTEXT: 'child-v8' }), true);
    assert.equal(reentryChecksByDefault({ SWITCHBOARD_STORE_CHECKS: '1' }), false, 'the switch is the storeChecks config option, not read here');
    assert.equal(reentryChecksByDefault({}), false);
  });
});
