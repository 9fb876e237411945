import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from '../app.js';
import type { AppDeps } from '../services.js';

/**
 * The web console's own plain-HTTP listener on loopback (issue 7), so a browser opens it without
 * trusting the local CA. It serves the same app as the HTTPS listener (the console calls the
 * control API on its own origin). When the chosen port is taken it takes any free one rather
 * than stopping the start: two Switchboards on one laptop should both come up.
 */
export async function startConsoleListener(deps: AppDeps, setting: string, logger: FastifyServerOptions['logger']): Promise<FastifyInstance | undefined> {
  if (setting === 'off') return undefined;
  const port = Number(setting);
  try {
    return await listenLoopback(await buildApp(deps, { logger }), port);
  } catch (error) {
    if (port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return listenLoopback(await buildApp(deps, { logger }), 0);
  }
}

async function listenLoopback(app: FastifyInstance, port: number): Promise<FastifyInstance> {
  try {
    await app.listen({ port, host: '127.0.0.1' });
    return app;
  } catch (error) {
    await app.close();
    throw error;
  }
}

export function consoleUrlOf(app: FastifyInstance | undefined): string | undefined {
  const address = app?.server.address();
  return typeof address === 'object' && address ? `http://127.0.0.1:${address.port}/_switchboard/console/` : undefined;
}
