import type { Catalog } from './types.js';

const CERT_DOCS = 'Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .';
const KEY_HINT =
  "Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '{appId}'.";

/**
 * Token-service failures, rendered as Entra (OAuth 2.0) error bodies with AADSTS numbers.
 * Numbers and wording follow the Entra error-code reference (learn.microsoft.com/entra/
 * identity-platform/reference-error-codes) and messages observed in public issue threads;
 * `error` and status follow RFC 6749 §5.2 as Entra applies it (invalid_client → 401).
 */
export const identityErrors = {
  invalidRequest: { status: 400, code: 'invalid_request', aadsts: 900144, envelope: 'oauth', message: "The request body must contain the following parameter: '{param}'." },
  oauthInvalidRequest: { status: 400, code: 'invalid_request', aadsts: 90023, envelope: 'oauth', message: 'The authentication service request is not valid: {detail}' },
  oauthResourceParameter: { status: 400, code: 'invalid_request', aadsts: 901002, envelope: 'oauth', message: "The 'resource' request parameter is not supported." },
  oauthTenantNotFound: { status: 400, code: 'invalid_request', aadsts: 90002, envelope: 'oauth', message: "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant." },
  oauthTenantNotFoundDiscovery: { status: 400, code: 'invalid_tenant', aadsts: 90002, envelope: 'oauth', message: "Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant." },
  oauthTenantMalformed: { status: 400, code: 'invalid_request', aadsts: 900023, envelope: 'oauth', message: "Specified tenant identifier '{tenant}' is neither a valid DNS name, nor a valid external domain." },
  oauthCommonTenant: { status: 400, code: 'invalid_request', aadsts: 9001023, envelope: 'oauth', message: 'The grant type is not supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.' },
  oauthNoTenantInformation: { status: 400, code: 'invalid_request', aadsts: 50059, envelope: 'oauth', message: 'No tenant-identifying information found in either the request or implied by any provided credentials.' },
  oauthInvalidInstance: { status: 400, code: 'invalid_instance', aadsts: 50049, envelope: 'oauth', message: 'Unknown or invalid instance.' },
  oauthUnsupportedGrantType: { status: 400, code: 'unsupported_grant_type', aadsts: 70003, envelope: 'oauth', message: "The app requested an unsupported grant type '{grantType}'." },
  oauthInvalidScope: { status: 400, code: 'invalid_scope', aadsts: 70011, envelope: 'oauth', message: "The provided value for the input parameter 'scope' is not valid. The scope {scope} is not valid." },
  oauthScopeNotDefault: { status: 400, code: 'invalid_scope', aadsts: 1002012, envelope: 'oauth', message: 'The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).' },
  oauthAppNotFound: { status: 400, code: 'unauthorized_client', aadsts: 700016, envelope: 'oauth', message: "Application with identifier '{appId}' was not found in the directory '{tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant." },
  oauthCredentialMissing: { status: 401, code: 'invalid_client', aadsts: 7000218, envelope: 'oauth', message: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'." },
  oauthInvalidSecret: { status: 401, code: 'invalid_client', aadsts: 7000215, envelope: 'oauth', message: "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{appId}'." },
  oauthSecretExpired: { status: 401, code: 'invalid_client', aadsts: 7000222, envelope: 'oauth', message: "The provided client secret keys for app '{appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds." },
  oauthAssertionMalformed: { status: 400, code: 'invalid_request', aadsts: 50027, envelope: 'oauth', message: 'JWT token is invalid or malformed.' },
  oauthAssertionType: { status: 400, code: 'invalid_request', aadsts: 5002727, envelope: 'oauth', message: "Invalid JWT header type specified, must be 'JWT' or 'http://openid.net/specs/jwt/1.0'." },
  oauthAssertionAlgorithm: { status: 400, code: 'invalid_request', aadsts: 5002738, envelope: 'oauth', message: "Invalid JWT token. '{alg}' is not a supported signature algorithm. Supported signing algorithms are: 'RS256,PS256'." },
  oauthAssertionNoThumbprint: { status: 401, code: 'invalid_client', aadsts: 50027, envelope: 'oauth', message: 'Invalid JWT token. No certificate thumbprint specified in token header.' },
  oauthAssertionKeyNotFound: { status: 401, code: 'invalid_client', aadsts: 700027, envelope: 'oauth', message: `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '{thumbprint}', ${KEY_HINT}]` },
  oauthAssertionKeyExpired: { status: 401, code: 'invalid_client', aadsts: 700027, envelope: 'oauth', message: `Client assertion contains an invalid signature. [Reason - The key used is expired., Thumbprint of key used by client: '{thumbprint}', Found key 'Start={start}, End={end}', ${KEY_HINT}]` },
  oauthAssertionBadSignature: { status: 401, code: 'invalid_client', aadsts: 700027, envelope: 'oauth', message: `Client assertion contains an invalid signature. [Reason - Key was found, but use of the key to verify the signature failed., Thumbprint of key used by client: '{thumbprint}', ${KEY_HINT}]` },
  oauthAssertionLifetime: { status: 401, code: 'invalid_client', aadsts: 700024, envelope: 'oauth', message: `Client assertion is not within its valid time range. Current time: {now}, assertion valid from {nbf}, expiry time of assertion {exp}. ${CERT_DOCS}` },
  oauthAssertionAudience: { status: 401, code: 'invalid_client', aadsts: 50012, envelope: 'oauth', message: "Client assertion audience claim does not match Realm issuer. The assertion's aud is '{aud}'; expected the token endpoint '{expected}'." },
  oauthAssertionIssuer: { status: 401, code: 'invalid_client', aadsts: 700021, envelope: 'oauth', message: `Client assertion application identifier doesn't match 'client_id' parameter. ${CERT_DOCS}` },
  oauthAssertionSubject: { status: 401, code: 'invalid_client', aadsts: 50048, envelope: 'oauth', message: 'Subject mismatches Issuer claim in the client assertion.' },
  oauthAssertionMissingClaim: { status: 400, code: 'invalid_request', aadsts: 90014, envelope: 'oauth', message: "The required field '{field}' is missing from the credential. Ensure that you have all the necessary parameters for the login request." },
} satisfies Catalog;
