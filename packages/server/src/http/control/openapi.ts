import { z } from 'zod';
import { bodyComponents, responseComponents } from './schemas.js';
import { openApiPath, pathParams, type ControlRoute } from './route-table.js';

const REF = (id: string): string => `#/components/schemas/${id}`;

const PARAM_DESCRIPTIONS: Record<string, string> = {
  tenantId: 'Tenant id or domain (e.g. contoso.example).',
  appId: 'Application (client) id.',
  userId: 'User object id.',
  meetingId: 'Meeting id.',
  secretId: 'Client secret id (keyId).',
  certificateId: 'Client certificate id.',
  permission: 'Calling permission name, e.g. Calls.JoinGroupCall.All (any case).',
};

type Json = Record<string, unknown>;

/** The OpenAPI 3.1 document of the control API, generated from the route table. */
export function buildOpenApiDocument(routes: readonly ControlRoute[]): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = (paths[openApiPath(route.url)] ??= {});
    path[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Switchboard control API', version: '1', description: 'Manage the world (tenants, users, apps, consent, meetings) of a running Switchboard. Errors use the Graph envelope.' },
    security: [{ adminKey: [] }],
    paths,
    components: {
      securitySchemes: { adminKey: { type: 'http', scheme: 'bearer', description: 'The admin key from <data>/admin.key (printed at start).' } },
      schemas: { ...components(bodyComponents, 'input'), ...components(responseComponents, 'output') },
    },
  };
}

function operation(route: ControlRoute): Json {
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.public ? { security: [] } : {}),
    ...parameters(route),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: REF(componentId(bodyComponents, route.body, route)) } } } } } : {}),
    responses: { [route.status]: success(route), ...errorResponses(route) },
  };
}

function parameters(route: ControlRoute): Json {
  const inPath = pathParams(route.url).map((name) => ({ name, in: 'path', required: true, description: PARAM_DESCRIPTIONS[name], schema: { type: 'string' } }));
  const inQuery = Object.entries(route.query?.shape ?? {}).map(([name, schema]) => ({ name, in: 'query', required: false, description: (schema as z.ZodType).description, schema: { type: 'string' } }));
  const all = [...inPath, ...inQuery];
  return all.length ? { parameters: all } : {};
}

function success(route: ControlRoute): Json {
  if (route.status === 204) return { description: 'Done; no content.' };
  const content = route.response ? { content: { 'application/json': { schema: { $ref: REF(componentId(responseComponents, route.response, route)) } } } } : {};
  const headers = route.status === 201 ? { headers: { Location: { description: 'URL of the created resource.', schema: { type: 'string' } } } } : {};
  return { description: route.status === 201 ? 'Created.' : 'OK.', ...headers, ...content };
}

function errorResponses(route: ControlRoute): Json {
  const error = (description: string): Json => ({ description, content: { 'application/json': { schema: { $ref: REF('Error') } } } });
  const validates = Boolean(route.body || route.query || pathParams(route.url).length);
  return {
    ...(validates ? { 400: error('Invalid body, query or parameter; the message names each field.') } : {}),
    ...(route.public ? {} : { 401: error('Missing or wrong admin key.') }),
    ...(pathParams(route.url).length ? { 404: error('Not found.') } : {}),
    ...(route.method !== 'GET' ? { 409: error('Conflict: exists already, still in use, or changed concurrently.') } : {}),
  };
}

function componentId(registry: z.core.$ZodRegistry<{ id: string }>, schema: z.ZodType, route: ControlRoute): string {
  const id = registry.get(schema)?.id;
  if (!id) throw new Error(`control API: ${route.method} ${route.url} uses a schema that has no component name (add it in http/control/schemas.ts)`);
  return id;
}

function components(registry: z.core.$ZodRegistry<{ id: string }>, io: 'input' | 'output'): Record<string, Json> {
  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io, uri: REF }) as { schemas: Record<string, Json> };
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
}
