import type { FastifyReply } from 'fastify';
import type { GraphObject } from '../../wire/identity-set.js';

/**
 * JSON text of shared wire objects, written once per object. The wire mappers hand out one
 * frozen-in-practice object per committed domain value (participant-to-graph.ts), so a GET of an
 * unchanged participant or roster reuses the text instead of serialising it per request; a
 * changed entry is a new object and gets its own text.
 */
const texts = new WeakMap<GraphObject, string>();

function textOf(entity: GraphObject): string {
  let text = texts.get(entity);
  if (text === undefined) texts.set(entity, (text = JSON.stringify(entity)));
  return text;
}

/** An object's opening up to its first member, `@odata.context`, as Graph writes it first. */
const contextHead = (context: string): string => `{"@odata.context":${JSON.stringify(context)}`;

/** `@odata.context` first, then the entity's own members. */
function withContext(context: string, entity: GraphObject): string {
  const text = textOf(entity);
  const head = contextHead(context);
  return text === '{}' ? `${head}}` : `${head},${text.slice(1)}`;
}

/** The reply's content type, as Fastify sets it for an object; the body is already JSON text. */
function asJson(reply: FastifyReply, body: string): string {
  reply.type('application/json; charset=utf-8');
  return body;
}

/** A single entity: `{"@odata.context": …, …entity}`. */
export function sendEntity(reply: FastifyReply, context: string, entity: GraphObject): string {
  return asJson(reply, withContext(context, entity));
}

/** A collection: `{"@odata.context": …, "value": [ …entities ]}`. */
export function sendCollection(reply: FastifyReply, context: string, entities: GraphObject[]): string {
  return asJson(reply, `${contextHead(context)},"value":[${entities.map(textOf).join(',')}]}`);
}
