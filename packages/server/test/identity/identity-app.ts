import Fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/load.js';
import { installErrorHandler } from '../../src/http/error-response.js';
import { registerIdentityRoutes } from '../../src/http/identity/register.js';
import { installRequestIds } from '../../src/http/request-context.js';
import type { AppDeps, Services } from '../../src/services.js';
import { buildIdentity, type Identity, type TestCertificate } from '../auth/fixtures.js';

export const ADMIN_KEY = 'sbk_identity-test-key';
export const adminHeaders = { authorization: `Bearer ${ADMIN_KEY}` };

export interface IdentityApp {
  app: FastifyInstance;
  identity: Identity;
}

/**
 * A bare Fastify app with only the identity routes, the shared error renderer and request ids,
 * on the test world of test/auth/fixtures.ts. `https` makes it listen-ready for TLS.
 */
export async function buildIdentityApp(certs: TestCertificate[] = [], https?: { key: string; cert: string }): Promise<IdentityApp> {
  const identity = await buildIdentity(certs);
  const config = loadConfig({ dataDir: '.switchboard-unused', inMemory: true, logLevel: 'silent' }, {});
  const services = { world: identity.world, keys: identity.keys, tokens: identity.tokens, verifier: identity.verifier } as unknown as Services;
  const deps: AppDeps = { config, store: identity.store, clock: identity.clock, services, adminKey: ADMIN_KEY };
  const app = Fastify({ logger: false, routerOptions: { caseSensitive: false, ignoreDuplicateSlashes: true }, ...(https ? { https } : {}) }) as unknown as FastifyInstance;
  installRequestIds(app);
  installErrorHandler(app, { bodyLimit: config.bodyLimit, now: () => new Date(identity.clock.now()) });
  await registerIdentityRoutes(app, deps);
  return { app, identity };
}
