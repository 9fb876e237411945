import assert from 'node:assert/strict';
import { DomainError, specOf } from '../../../src/domain/errors/index.js';

export interface ExpectedWireError {
  id: string;
  /** Graph `error.code`; BadRequest unless given. */
  code?: string;
  /** Texts the message must contain (the property path, the type name …). */
  mentions?: string[];
}

/** `run` throws the Graph-style 400 a bad body gets. */
export function assertWireError(run: () => unknown, expected: ExpectedWireError): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
    assert.equal(error.id, expected.id, error.message);
    assert.equal(error.status, 400);
    assert.equal(specOf(error.id).code, expected.code ?? 'BadRequest');
    for (const text of expected.mentions ?? []) assert.ok(error.message.includes(text), `'${error.message}' should mention ${text}`);
    return true;
  });
}
