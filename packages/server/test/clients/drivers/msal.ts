import { ConfidentialClientApplication, type NodeAuthOptions } from '@azure/msal-node';

export const GRAPH_SCOPES = ['https://graph.microsoft.com/.default'];

/**
 * msal-node's client-credentials flow against a local authority (CLIENTS.md §1.2): the authority
 * URL plus `knownAuthorities` with host:port, since instance discovery would otherwise ask
 * login.microsoftonline.com about an unknown host. `credential` is a secret or a certificate.
 */
export function msalTokens(baseUrl: string, tenantId: string, clientId: string, credential: Pick<NodeAuthOptions, 'clientSecret' | 'clientCertificate'>): () => Promise<string> {
  const cca = new ConfidentialClientApplication({
    auth: { clientId, authority: `${baseUrl}/${tenantId}`, knownAuthorities: [new URL(baseUrl).host], ...credential },
  });
  return async () => {
    const result = await cca.acquireTokenByClientCredential({ scopes: GRAPH_SCOPES });
    if (!result) throw new Error('msal-node returned no token');
    return result.accessToken;
  };
}
