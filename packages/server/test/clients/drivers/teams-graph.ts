import { Client } from '@microsoft/teams.graph';
import { parseBody, type ClientDriver } from '../driver.js';

/**
 * The Teams SDK's Graph client (`@microsoft/teams.graph`) as CLIENTS.md §5 configures it:
 * `new Client({ token }, { baseUrlRoot })`. The scenario goes through `client.http`, the axios
 * client it builds with the token and the `<root>/v1.0` base URL, so statuses stay visible;
 * the typed `teams.graph-endpoints` functions go through the same client (see the test file).
 */
export function teamsGraphClient(baseUrlRoot: string, acquireToken: () => Promise<string>): Client {
  return new Client({ token: acquireToken }, { baseUrlRoot });
}

export function teamsGraphDriver(name: string, client: Client, acquireToken: () => Promise<string>): ClientDriver {
  return {
    name,
    token: acquireToken,
    request: async (method, path, body) => {
      const response = await client.http.request<string>({ method, url: path, data: body, responseType: 'text', transformResponse: (raw: string) => raw, validateStatus: () => true });
      return { status: response.status, body: parseBody(response.data ?? '') };
    },
  };
}
