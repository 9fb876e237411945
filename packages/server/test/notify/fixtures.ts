import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { SigningKeys } from '../../src/auth/signing-keys.js';
import type { Clock } from '../../src/domain/clock.js';
import { registerCallbackKeyRoutes } from '../../src/http/callbacks/register.js';
import { CALLBACK_STREAM, type CallbackMessage } from '../../src/notify/callback-message.js';
import { CALLBACK_SIGNING_KEYS } from '../../src/notify/callback-signer.js';
import type { Store } from '../../src/storage/ports.js';

/** A fixed "now" close to the wall clock's epoch range, so tokens are ordinary. */
export const NOW = Date.parse('2026-11-28T12:00:00Z');
export const APP_ID = '6b4d5a1c-1f2e-4c3b-9a8d-7e6f5a4b3c2d';
export const TENANT_ID = 'c0ffee00-1234-4abc-8def-0123456789ab';

export async function callbackKeys(store: Pick<Store, 'docs'>, clock: Clock): Promise<SigningKeys> {
  const keys = new SigningKeys(store, clock, CALLBACK_SIGNING_KEYS);
  await keys.init();
  return keys;
}

/** The OpenID document and JWKS on a real socket, as a bot would fetch them. */
export async function startKeyServer(keys: SigningKeys): Promise<{ app: FastifyInstance; metadataUrl: string; close(): Promise<void> }> {
  const app = Fastify();
  registerCallbackKeyRoutes(app, { callbackKeys: keys });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, metadataUrl: `http://127.0.0.1:${port}/v1/.well-known/OpenIdConfiguration`, close: () => app.close() };
}

export function callbackMessage(callId: string, url: string, summary: string, extra: Partial<CallbackMessage> = {}): CallbackMessage {
  return {
    kind: 'callback', callId, appId: APP_ID, tenantId: TENANT_ID, url, summary,
    body: {
      '@odata.type': '#microsoft.graph.commsNotifications',
      value: [{ '@odata.type': '#microsoft.graph.commsNotification', changeType: 'updated', resourceUrl: `/communications/calls/${callId}`, resourceData: { summary } }],
    },
    ...extra,
  };
}

export async function enqueue(store: Store, ...messages: CallbackMessage[]): Promise<number[]> {
  return store.outbox.append(messages.map((payload) => ({ stream: CALLBACK_STREAM(payload.callId), payload })));
}

/** The summary a received callback carries (see callbackMessage). */
export function summaryOf(body: unknown): string | undefined {
  const value = (body as { value?: { resourceData?: { summary?: string } }[] } | undefined)?.value;
  return value?.[0]?.resourceData?.summary;
}
