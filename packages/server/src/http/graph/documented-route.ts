import { methodMatrix, type OperationName } from '../../permissions/generated/method-matrix.js';
import { API_VERSIONS } from '../../permissions/types.js';
import type { GraphRouteSpec } from './graph-route.js';

/**
 * The versions a method page documents an operation for, and those whose page also lists the
 * legacy `/app` path: routes are served exactly there (e.g. create call on `/app/calls` in beta
 * only, keepAlive never on `/app`).
 */
export function documentedAt(operation: OperationName): Pick<GraphRouteSpec, 'versions' | 'appAlias'> {
  const entry = methodMatrix.find((candidate) => candidate.operation === operation);
  const versions = API_VERSIONS.filter((version) => entry?.versions[version] !== undefined);
  const appAlias = versions.filter((version) => entry?.versions[version]?.routes.some((route) => route.prefix === '/app'));
  return { versions, appAlias };
}
