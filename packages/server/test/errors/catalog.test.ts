import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { catalogFragments } from '../../src/domain/errors/catalog.js';
import { renderErrorDocs } from '../../src/domain/errors/render-docs.js';
import { DomainError } from '../../src/domain/errors/index.js';

describe('error catalogue', () => {
  it('never reuses an id across fragments', () => {
    const seen = new Map<string, string>();
    for (const [fragment, catalog] of Object.entries(catalogFragments)) {
      for (const id of Object.keys(catalog)) {
        assert.ok(!seen.has(id), `${id} is in ${fragment} and ${seen.get(id)}`);
        seen.set(id, fragment);
      }
    }
  });

  it('gives every entry a status, a code and a message', () => {
    for (const catalog of Object.values(catalogFragments)) {
      for (const [id, spec] of Object.entries(catalog)) {
        assert.ok(spec.status >= 400 && spec.status < 600, id);
        assert.ok(spec.code.length > 0 && spec.message.length > 0, id);
      }
    }
  });

  it('is documented in docs/errors.md exactly as generated', async () => {
    const committed = await readFile(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');
    assert.equal(committed, renderErrorDocs(), 'docs/errors.md is stale: run npx tsx packages/server/scripts/generate-error-docs.ts');
  });

  it('fills message placeholders', () => {
    assert.equal(new DomainError('segmentNotFound', { segment: 'foo' }).message, "Resource not found for the segment 'foo'.");
  });
});
