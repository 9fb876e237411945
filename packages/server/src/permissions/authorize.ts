import { methodMatrix, operationNames, type OperationName } from './generated/method-matrix.js';
import type { ApiVersion, Authorization, OperationEntry } from './types.js';

export { permissionPage, permissionSummaries } from './permission-page.js';

/** Indexed once: the gateway asks for an operation's entry on every Graph request. */
const ENTRIES = new Map<string, OperationEntry>(methodMatrix.map((entry) => [entry.operation, entry]));
const entryOf = (operation: string): OperationEntry | undefined => ENTRIES.get(operation);

/** Operations that have a Graph method page in `version` (e.g. `participant.muteAll` is beta-only). */
export function operationsFor(version: ApiVersion): OperationName[] {
  return operationNames.filter((operation) => entryOf(operation)?.versions[version] !== undefined);
}

/**
 * Permissions named by the method page's table for `operation` in `version`, in the page's order.
 * An empty list means the page says "None". Throws for an operation the version does not document,
 * because "not documented" must not be mistaken for "no permission needed".
 */
export function grantingPermissions(operation: string, version: ApiVersion): string[] {
  const grant = entryOf(operation)?.versions[version];
  if (!grant) throw new RangeError(`${operation} is not documented for ${version}`);
  return [...grant.permissions];
}

/**
 * True when `roles` (a token's `roles` claim) holds any permission the method page lists.
 * When the page lists none (e.g. call.reject, v1.0 hold music) any app-only token is granted:
 * Graph then relies on the check made when the call was created, joined or answered.
 * Undocumented operation/version pairs are never granted. This reads the per-method tables only;
 * for `callGrant` operations (see authorizationOf) the caller should check call ownership instead.
 */
export function isGranted(operation: string, version: ApiVersion, roles: readonly string[]): boolean {
  const grant = entryOf(operation)?.versions[version];
  if (!grant) return false;
  return grant.permissions.length === 0 || grant.permissions.some((permission) => roles.includes(permission));
}

/**
 * `callGrant` when the method pages say permissions were checked when the call was created,
 * joined or answered (BEHAVIOR.md §2, e.g. the "Permissions" section of call-keepalive), so the
 * action needs only call ownership; `method` when the action checks its own table. An operation
 * the version does not document answers `method`, which isGranted then refuses (fail closed).
 */
export function authorizationMode(operation: string, version: ApiVersion): Authorization {
  const entry = entryOf(operation);
  return entry?.versions[version] ? entry.authorization : 'method';
}

export const isOperationName = (value: string): value is OperationName => (operationNames as readonly string[]).includes(value);
