import type { CallbackHandler } from './callback-handler.js';

/** The part of a Fastify request the plugin uses. */
export interface FastifyLikeRequest {
  headers: { authorization?: string | undefined };
  body: unknown;
}

/** The part of a Fastify reply the plugin uses. */
export interface FastifyLikeReply {
  code(statusCode: number): { send(payload?: unknown): unknown };
}

/** The part of a Fastify instance the plugin uses. */
export interface FastifyLikeInstance {
  post(path: string, handler: (request: FastifyLikeRequest, reply: FastifyLikeReply) => Promise<unknown>): unknown;
}

/** Options of {@link fastifyPlugin}. */
export interface FastifyPluginOptions {
  /** The callback route (default `/callback`). */
  path?: string;
}

/**
 * A Fastify plugin adding `POST <path>` for callbacks: `app.register(fastifyPlugin(bot), { path: '/api/calls' })`.
 * Fastify's own JSON parser reads the body; no dependency on fastify itself.
 */
export function fastifyPlugin(handler: CallbackHandler) {
  return async (instance: FastifyLikeInstance, options: FastifyPluginOptions = {}): Promise<void> => {
    instance.post(options.path ?? '/callback', async (request, reply) => {
      const result = await handler.handleCallback({ authorization: request.headers.authorization, body: request.body });
      return reply.code(result.status).send();
    });
  };
}
