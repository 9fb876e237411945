import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { GraphCaller } from '../../auth/access-token-verifier.js';

export type GraphVersion = 'v1.0' | 'beta';

export interface GraphRequestContext {
  request: FastifyRequest;
  reply: FastifyReply;
  version: GraphVersion;
  caller: GraphCaller;
  /** True when the client used the legacy `/app/...` prefix. */
  viaAppAlias: boolean;
  params: Record<string, string>;
}

export interface GraphRouteSpec {
  /** Operation name of the permission matrix, e.g. `call.get`. */
  operation: string;
  method: HTTPMethods;
  /** Path under the version root, `:name` for ids, starting with `/communications/`. */
  path: string;
  versions: GraphVersion[];
  /** Versions in which the legacy `/app/...` alias is served for this path. */
  appAlias?: GraphVersion[];
  /** The last segment is an OData action: also served `microsoft.graph.`-qualified. */
  action?: boolean;
  handler(context: GraphRequestContext): Promise<unknown>;
}

/** One concrete route, kept for the unknown-segment and wrong-method answers. */
export interface KnownRoute {
  method: string;
  version: GraphVersion;
  /** Segments after the version; `:x` for ids. */
  segments: string[];
}

/** Expands one spec into its concrete URLs: versions × prefixes × bare/qualified action. */
export function expandRoute(spec: GraphRouteSpec): { version: GraphVersion; url: string; viaAppAlias: boolean }[] {
  const urls: { version: GraphVersion; url: string; viaAppAlias: boolean }[] = [];
  for (const version of spec.versions) {
    const paths = [{ path: spec.path, viaAppAlias: false }];
    if (spec.appAlias?.includes(version)) paths.push({ path: spec.path.replace(/^\/communications\//, '/app/'), viaAppAlias: true });
    for (const { path, viaAppAlias } of paths) {
      urls.push({ version, url: `/${version}${path}`, viaAppAlias });
      if (spec.action) urls.push({ version, url: `/${version}${qualifyLastSegment(path)}`, viaAppAlias });
    }
  }
  return urls;
}

/** Standard OData lets clients name an action with its namespace: `.../microsoft.graph.keepAlive`. */
function qualifyLastSegment(path: string): string {
  const cut = path.lastIndexOf('/');
  return `${path.slice(0, cut)}/microsoft.graph.${path.slice(cut + 1)}`;
}

export type GraphPreHandler = (request: FastifyRequest, spec: GraphRouteSpec, version: GraphVersion) => Promise<GraphCaller>;

/** Registers a Graph route for every version and prefix it is documented for; returns what it added. */
export function registerGraphRoute(app: FastifyInstance, spec: GraphRouteSpec, admit: GraphPreHandler): KnownRoute[] {
  const known: KnownRoute[] = [];
  for (const { version, url, viaAppAlias } of expandRoute(spec)) {
    known.push({ method: spec.method, version, segments: url.split('/').filter(Boolean).slice(1) });
    app.route({
      method: spec.method,
      url,
      // A continuation rather than an async handler: one promise layer fewer on every Graph request.
      handler: (request, reply) =>
        admit(request, spec, version).then((caller) => {
          const params = request.params as Record<string, string>;
          return spec.handler({ request, reply, version, caller, viaAppAlias, params });
        }),
    });
  }
  return known;
}
