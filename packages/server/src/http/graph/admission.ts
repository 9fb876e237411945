import type { FastifyRequest } from 'fastify';
import type { AccessTokenVerifier, GraphCaller } from '../../auth/access-token-verifier.js';
import { DomainError } from '../../domain/errors/index.js';
import { authorizationMode, isGranted } from '../../permissions/authorize.js';
import type { GraphPreHandler, GraphRouteSpec, GraphVersion } from './graph-route.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller?: GraphCaller;
  }
}

const CALLING_PERMISSION = /^Calls\./;

/** What runs once the caller is authorized (the fault gate): synchronous unless it has to wait. */
export type AdmittedCheck = (request: FastifyRequest, spec: GraphRouteSpec, version: GraphVersion, caller: GraphCaller) => GraphCaller | Promise<GraphCaller>;

/**
 * Authentication, then authorization against the permission matrix, then `afterwards`.
 * Most per-call actions are authorized by the permission checked when the call was created,
 * joined or answered (Graph docs, "Permissions" of e.g. call-keepalive); for those the gateway
 * only requires that the tenant granted the app some calling permission, and the call services
 * check ownership. Every other method needs one of the permissions that grant it.
 */
export function graphAdmission(verifier: AccessTokenVerifier, afterwards: AdmittedCheck): GraphPreHandler {
  // One continuation after the token check, not a chain of async layers: every Graph request
  // runs this, and each layer costs a promise and microtask turns for synchronous work.
  return (request, spec, version) =>
    verifier.verify(request.headers.authorization).then((caller) => {
      request.caller = caller;
      return afterwards(request, spec, version, authorized(caller, spec, version));
    }, challenged);
}

function authorized(caller: GraphCaller, spec: GraphRouteSpec, version: GraphVersion): GraphCaller {
  if (!caller.roles.some((role) => CALLING_PERMISSION.test(role))) throw new DomainError('insufficientTenantPermissions');
  if (authorizationMode(spec.operation, version) === 'method' && !isGranted(spec.operation, version, caller.roles)) {
    throw new DomainError('forbidden');
  }
  return caller;
}

/** Graph's challenge on every 401; never with `claims=`, which would make Kiota retry as CAE. */
const CHALLENGE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

/** Authentication alone (the unknown-route answers): a 401 carries Graph's challenge. */
export function authenticate(verifier: AccessTokenVerifier, request: FastifyRequest): Promise<GraphCaller> {
  return verifier.verify(request.headers.authorization).then((caller) => {
    request.caller = caller;
    return caller;
  }, challenged);
}

function challenged(error: unknown): never {
  if (error instanceof DomainError && error.status === 401) error.headers['www-authenticate'] = CHALLENGE;
  throw error;
}
