import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors/index.js';

/**
 * preHandler for control-API routes: `Authorization: Bearer <admin key>`.
 * The key lives in <data>/admin.key and is printed in the start banner.
 */
export function adminGuard(adminKey: string) {
  const expected = Buffer.from(adminKey);
  return async function requireAdmin(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const presented = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim() ?? '';
    const given = Buffer.from(presented);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new DomainError('adminKeyRequired', {}, { headers: { 'www-authenticate': 'Bearer realm="switchboard-control"' } });
    }
  };
}
