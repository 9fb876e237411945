import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ACCESS_TOKEN_LIFETIME_SEC } from '../../auth/app-token-claims.js';
import { DomainError } from '../../domain/errors/index.js';
import type { AppDeps } from '../../services.js';
import { adminGuard } from '../admin-guard.js';

const tokenRequest = z.strictObject({
  appId: z.string().min(1),
  /** Tenant id or verified domain. */
  tenantId: z.string().min(1),
  appidacr: z.enum(['1', '2']).default('1'),
});

export interface RotateResponse {
  kid: string;
  /** Every published kid, newest (active) first. */
  keys: string[];
}

export interface ControlTokenResponse {
  access_token: string;
  expires_in: number;
}

/** Control API of the token service (admin key required): key rotation and direct token minting. */
export function registerIdentityControlRoutes(app: FastifyInstance, deps: AppDeps): void {
  const preHandler = adminGuard(deps.adminKey);
  const { keys, tokens } = deps.services;
  app.post('/_switchboard/keys/rotate', { preHandler }, async (): Promise<RotateResponse> => {
    const { kid } = await keys.rotate();
    return { kid, keys: await keys.kids() };
  });
  app.post('/_switchboard/token', { preHandler }, async (request): Promise<ControlTokenResponse> => {
    const body = parseBody(request.body);
    const accessToken = await tokens.issueAppToken(body.appId, body.tenantId, body.appidacr);
    return { access_token: accessToken, expires_in: ACCESS_TOKEN_LIFETIME_SEC };
  });
}

function parseBody(body: unknown): z.infer<typeof tokenRequest> {
  const parsed = tokenRequest.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  throw new DomainError('validationFailed', { details });
}
