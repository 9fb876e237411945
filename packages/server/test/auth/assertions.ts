import assert from 'node:assert/strict';
import { isDomainError } from '../../src/domain/errors/index.js';
import type { ErrorId } from '../../src/domain/errors/index.js';

/** Asserts that `work` fails with the DomainError `id` (and returns it for further checks). */
export async function rejectsWith(work: Promise<unknown> | (() => Promise<unknown>), id: ErrorId): Promise<void> {
  await assert.rejects(typeof work === 'function' ? work() : work, (error: unknown) => {
    assert.ok(isDomainError(error), `expected DomainError ${id}, got ${String(error)}`);
    assert.equal(error.id, id, error.message);
    return true;
  });
}

export const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
