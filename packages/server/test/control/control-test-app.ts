import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import assert from 'node:assert/strict';
import { afterEach, beforeEach } from 'node:test';
import { CONTROL_ROUTES } from '../../src/http/control/routes.js';
import type { AppDeps } from '../../src/services.js';
import { adminHeaders, buildTestApp } from '../helpers/app.js';

export interface ControlTestApp {
  app: FastifyInstance;
  deps: AppDeps;
  /** An admin-authorised request; a JSON answer is checked against the route's response schema. */
  call(method: InjectOptions['method'], url: string, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The real app (in-memory store, demo world) driven through inject(). */
export async function controlTestApp(): Promise<ControlTestApp> {
  const { app, deps, close } = await buildTestApp();
  const call: ControlTestApp['call'] = async (method, url, body) => {
    const res = await app.inject({ method, url, headers: adminHeaders, ...(body === undefined ? {} : { payload: body as object }) });
    if (res.statusCode < 300 && res.statusCode !== 204) assertMatchesRoute(method, url, res.json());
    return res;
  };
  return { app, deps, call, close };
}

/** A fresh app per test of the calling describe block. */
export function useControlApp(): () => ControlTestApp {
  let app: ControlTestApp | undefined;
  beforeEach(async () => {
    app = await controlTestApp();
  });
  afterEach(async () => {
    await app?.close();
  });
  return () => {
    if (!app) throw new Error('useControlApp: no app outside a test');
    return app;
  };
}

/** Handlers must answer what the OpenAPI document promises. */
function assertMatchesRoute(method: InjectOptions['method'], url: string, body: unknown): void {
  const path = new URL(url, 'http://x').pathname;
  const route = CONTROL_ROUTES.find((r) => r.method === method && new RegExp(`^${r.url.replace(/:\w+/g, '[^/]+')}$`, 'i').test(path));
  assert.ok(route, `no control route for ${method} ${path}`);
  const parsed = route.response?.safeParse(body);
  assert.ok(!parsed || parsed.success, `${method} ${path} answered outside its response schema: ${parsed?.error?.message}`);
}
