import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FastifyReply } from 'fastify';
import { sendCollection, sendEntity } from '../../src/http/graph/entity-json.js';

/** The reply methods entity-json uses, recording the content type it sets. */
function fakeReply(): FastifyReply & { contentType?: string } {
  const reply = { contentType: undefined as string | undefined, type: (value: string) => ((reply.contentType = value), reply) };
  return reply as unknown as FastifyReply & { contentType?: string };
}

/** An entity whose members count how often they are read (JSON.stringify reads each once). */
function countedEntity(): { entity: Record<string, unknown>; reads: () => number } {
  let reads = 0;
  const entity = {};
  Object.defineProperty(entity, 'id', { enumerable: true, get: () => (reads++, 'p-1') });
  return { entity, reads: () => reads };
}

describe('entity JSON', () => {
  it('writes @odata.context first, then the members, as the object form would', () => {
    const reply = fakeReply();
    const entity = { '@odata.type': '#microsoft.graph.participant', isMuted: false, id: 'p"1' };
    const text = sendEntity(reply, "https://x/v1.0/$metadata#calls('a')/participants/$entity", entity);
    assert.equal(text, JSON.stringify({ '@odata.context': "https://x/v1.0/$metadata#calls('a')/participants/$entity", ...entity }));
    assert.equal(reply.contentType, 'application/json; charset=utf-8');
  });

  it('keeps an empty entity valid JSON', () => {
    assert.deepEqual(JSON.parse(sendEntity(fakeReply(), 'c', {})), { '@odata.context': 'c' });
  });

  it('serialises one shared wire object once, whatever the context', () => {
    const { entity, reads } = countedEntity();
    sendEntity(fakeReply(), 'first', entity);
    const second = sendEntity(fakeReply(), 'second', entity);
    assert.equal(reads(), 1);
    assert.deepEqual(JSON.parse(second), { '@odata.context': 'second', id: 'p-1' });
  });

  it('writes a collection from the same texts', () => {
    const { entity, reads } = countedEntity();
    sendEntity(fakeReply(), 'one', entity);
    const text = sendCollection(fakeReply(), 'all', [entity, { id: 'p-2' }]);
    assert.deepEqual(JSON.parse(text), { '@odata.context': 'all', value: [{ id: 'p-1' }, { id: 'p-2' }] });
    assert.equal(reads(), 1);
    assert.deepEqual(JSON.parse(sendCollection(fakeReply(), 'none', [])), { '@odata.context': 'none', value: [] });
  });
});
