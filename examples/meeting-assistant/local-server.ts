import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { nodeHttpHandler, type Bot } from '@switchboard/calling-bot';

/** What the local endpoint asks of the assistant (bound once it is in a meeting). */
export interface Commands {
  mute(name: string): Promise<{ name: string }>;
  admit(name?: string): Promise<{ name: string } | undefined>;
  state(): unknown;
}

/**
 * One loopback HTTP server for everything: Graph's callbacks on `POST /callback` (verified by the
 * SDK), and the assistant's own commands: `POST /mute?name=…`, `POST /admit[?name=…]`, `GET /state`.
 */
export function createLocalServer(bot: Bot, commands: () => Commands | undefined, onError: (error: unknown) => void): Server {
  const callbacks = nodeHttpHandler(bot, { onError });
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/callback') return callbacks(request, response);
    command(commands(), request, url).then(
      ([status, body]) => reply(response, status, body),
      (error: unknown) => reply(response, 409, { error: (error as Error).message }),
    );
  });
}

async function command(commands: Commands | undefined, request: IncomingMessage, url: URL): Promise<[number, unknown]> {
  const route = `${request.method ?? 'GET'} ${url.pathname}`;
  const name = url.searchParams.get('name') ?? undefined;
  if (!commands) return [503, { error: 'not in a meeting yet' }];
  if (route === 'GET /state') return [200, commands.state()];
  if (route === 'POST /mute' && name) return [200, { muted: (await commands.mute(name)).name }];
  if (route === 'POST /admit') return [200, { admitted: (await commands.admit(name))?.name ?? null }];
  return [404, { error: 'try GET /state, POST /mute?name=…, POST /admit[?name=…]' }];
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
