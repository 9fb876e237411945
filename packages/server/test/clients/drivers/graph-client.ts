import { Client, GraphError, ResponseType } from '@microsoft/microsoft-graph-client';
import { parseBody, type ClientDriver, type DriverResponse, type GraphMethod, type Json } from '../driver.js';

/**
 * `@microsoft/microsoft-graph-client` v3 with the options CLIENTS.md §3.2 lists for a local host:
 * `baseUrl` and `customHosts` (the host name without the port; without it no token is sent).
 * Requests ask for the raw fetch Response, so the scenario sees Graph's exact status codes.
 */
export function graphClientDriver(name: string, baseUrl: string, acquireToken: () => Promise<string>): ClientDriver {
  const client = Client.init({
    authProvider: (done) => void acquireToken().then((token) => done(null, token), (error: Error) => done(error, null)),
    baseUrl,
    customHosts: new Set([new URL(baseUrl).hostname]),
  });
  return {
    name,
    token: acquireToken,
    request: async (method, path, body) => {
      try {
        return await fromResponse(await send(client, method, path, body));
      } catch (error) {
        if (error instanceof GraphError) return { status: error.statusCode, body: parseBody(String(error.body ?? '')) };
        throw error;
      }
    },
  };
}

async function send(client: Client, method: GraphMethod, path: string, body: Json | undefined): Promise<Response> {
  const request = client.api(path).version('v1.0').responseType(ResponseType.RAW);
  if (method === 'GET') return (await request.get()) as Response;
  if (method === 'POST') return (await request.post(body ?? {})) as Response;
  if (method === 'PATCH') return (await request.patch(body ?? {})) as Response;
  return (await request.delete()) as Response;
}

async function fromResponse(response: Response): Promise<DriverResponse> {
  return { status: response.status, body: parseBody(await response.text()) };
}
