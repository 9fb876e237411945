import type { TokenCredential } from '@azure/identity';
import { HttpMethod, RequestInformation, ResponseHandlerOption, type RequestAdapter } from '@microsoft/kiota-abstractions';
import { AzureIdentityAuthenticationProvider } from '@microsoft/kiota-authentication-azure';
import { GraphRequestAdapter } from '@microsoft/msgraph-sdk';
import { parseBody, type ClientDriver, type DriverResponse, type GraphMethod, type Json } from '../driver.js';
import { GRAPH_SCOPES } from './msal.js';

/**
 * The Kiota SDK (`@microsoft/msgraph-sdk` + `GraphRequestAdapter`) with CLIENTS.md §4's options:
 * `adapter.baseUrl` and the local host in the auth provider's allowedHosts (without it Kiota
 * silently sends no token). The communications request builders are not published on npm, so
 * every call goes through the adapter's generic path: a `RequestInformation` on the
 * `{+baseurl}` template, sent by the adapter (token, headers, Kiota middleware), with a
 * response handler that keeps the status and the raw JSON.
 */
export function kiotaAdapter(baseUrl: string, credential: TokenCredential): RequestAdapter {
  const auth = new AzureIdentityAuthenticationProvider(credential, GRAPH_SCOPES, undefined, new Set([new URL(baseUrl).hostname]));
  const adapter = new GraphRequestAdapter(auth);
  adapter.baseUrl = `${baseUrl}/v1.0`;
  return adapter;
}

export function kiotaDriver(name: string, adapter: RequestAdapter, credential: TokenCredential): ClientDriver {
  return {
    name,
    token: async () => (await credential.getToken(GRAPH_SCOPES))!.token,
    // With a response handler the adapter returns whatever the handler made of the response.
    request: async (method, path, body) => (await adapter.sendPrimitive<ArrayBuffer>(kiotaRequest(method, path, body, rawResponse()), 'ArrayBuffer', undefined)) as unknown as DriverResponse,
  };
}

/** A request on the service root, as the generated builders build theirs. */
export function kiotaRequest(method: GraphMethod, path: string, body: Json | undefined, option?: ResponseHandlerOption): RequestInformation {
  const info = new RequestInformation(HttpMethod[method], `{+baseurl}${path}`);
  info.headers.tryAdd('Accept', 'application/json');
  if (body !== undefined) info.setStreamContent(new TextEncoder().encode(JSON.stringify(body)).buffer as ArrayBuffer, 'application/json');
  if (option) info.addRequestOptions([option]);
  return info;
}

function rawResponse(): ResponseHandlerOption {
  const option = new ResponseHandlerOption();
  option.responseHandler = {
    handleResponse: async <NativeResponseType, ModelType>(response: NativeResponseType) => {
      const native = response as unknown as Response;
      return { status: native.status, body: parseBody(await native.text()) } as ModelType;
    },
  };
  return option;
}
