import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../services.js';
import { adminGuard } from '../admin-guard.js';
import { streamChanges } from './change-stream.js';

export const CONSOLE_PATH = '/_switchboard/console/';

/**
 * The console's files, built ahead of time by Vite into packages/server/console-dist (issue 7:
 * shipped in the package, no CDN at run time). Same depth from src/ and dist/, so tsx and the
 * compiled server find it alike.
 */
export const CONSOLE_DIR = fileURLToPath(new URL('../../../console-dist/', import.meta.url));

/**
 * The web console: static files (public — the app signs in with the admin key itself) and the
 * live change stream it listens to (admin key required).
 */
export async function registerConsoleRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  // Open streams never end by themselves: close them first, or closing the server would wait forever.
  const open = new Set<() => void>();
  app.addHook('preClose', async () => open.forEach((end) => end()));
  app.get('/_switchboard/events', { preHandler: adminGuard(deps.adminKey) }, (request, reply) => streamChanges(request, reply, deps.services.changes, open));
  if (!existsSync(CONSOLE_DIR)) {
    app.get(`${CONSOLE_PATH}*`, async (_request, reply) => reply.code(503).type('text/plain').send('The console is not built: run `npm run build` in the repository (it builds packages/console).\n'));
    return;
  }
  await app.register(fastifyStatic, { root: CONSOLE_DIR, prefix: CONSOLE_PATH, index: 'index.html', maxAge: 0 });
  // The router ignores trailing slashes, so the bare prefix never reaches the wildcard route.
  app.get('/_switchboard/console', (_request, reply) => reply.sendFile('index.html', CONSOLE_DIR));
}
