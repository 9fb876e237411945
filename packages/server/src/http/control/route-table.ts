import type { z } from 'zod';
import type { Services } from '../../services.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteInput<B> {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: B;
  services: Services;
}

export interface RouteReply {
  body?: unknown;
  /** Sent as `Location` (201 answers). */
  location?: string;
}

/**
 * One row of the control-API table: Fastify registration and the OpenAPI document are both
 * generated from these rows, so the document cannot drift from the routes.
 */
export interface ControlRoute<B = unknown> {
  operationId: string;
  method: HttpMethod;
  /** Fastify syntax, `:name` for path parameters. */
  url: string;
  summary: string;
  tag: string;
  status: 200 | 201 | 204;
  /** Validated before the handler runs; a failure is validationFailed (400) naming each field. */
  body?: z.ZodType<B>;
  query?: z.ZodObject;
  response?: z.ZodType;
  /** Reachable without the admin key (only the OpenAPI document). */
  public?: boolean;
  handle(input: RouteInput<B>): Promise<RouteReply>;
}

/** Keeps each row's body type for its handler while the table holds rows of any body. */
export function route<B = undefined>(row: ControlRoute<B>): ControlRoute {
  return row as unknown as ControlRoute;
}

export const ok = (body: unknown): RouteReply => ({ body });
export const created = (location: string, body: unknown): RouteReply => ({ location, body });
export const noContent = (): RouteReply => ({});

export const CONTROL_PREFIX = '/_switchboard';

/** `/_switchboard/tenants/:tenantId` → `/_switchboard/tenants/{tenantId}` */
export function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}');
}

export function pathParams(url: string): string[] {
  return [...url.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
}
