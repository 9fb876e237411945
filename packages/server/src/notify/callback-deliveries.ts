import type { Wakeup } from '../runtime/wakeup.js';
import type { DeliveryAttempt, DeliveryFilter, Store } from '../storage/ports.js';
import { CALLBACK_STREAM, type CallbackMessage } from './callback-message.js';
import { notifyError } from './notify-error.js';

/** A callback still in the outbox: not yet delivered, or waiting for a retry. */
export interface PendingCallback {
  seq: number;
  callId: string;
  appId: string;
  tenantId: string;
  url: string;
  summary: string;
  attempts: number;
  createdAt: number;
  availableAt: number;
  lastError?: string;
  payload: unknown;
}

/** What the control API shows and does about callback delivery (http/control/delivery-routes.ts). */
export class CallbackDeliveries {
  constructor(private readonly deps: { store: Pick<Store, 'outbox' | 'deliveries'>; wake: Wakeup }) {}

  /** Attempts, newest first. */
  list(filter: DeliveryFilter): Promise<DeliveryAttempt[]> {
    return this.deps.store.deliveries.list(filter);
  }

  async pending(): Promise<PendingCallback[]> {
    const messages = await this.deps.store.outbox.pending<CallbackMessage>();
    return messages.filter((m) => m.payload?.kind === 'callback').map(({ seq, payload, attempts, createdAt, availableAt, lastError }) => ({
      seq, callId: payload.callId, appId: payload.appId, tenantId: payload.tenantId, url: payload.url, summary: payload.summary,
      attempts, createdAt, availableAt, ...(lastError === undefined ? {} : { lastError }), payload: payload.body,
    }));
  }

  /**
   * Sends a logged notification again, as a new message at the end of its call's stream (so it
   * keeps the call's order and is signed afresh when it goes out). Throws deliveryNotFound.
   */
  async redeliver(id: number): Promise<{ seq: number; callId: string; url: string }> {
    const logged = await this.deps.store.deliveries.get(id);
    if (!logged) throw notifyError('deliveryNotFound', { id });
    const message: CallbackMessage = {
      kind: 'callback', callId: logged.callId, appId: logged.appId, tenantId: logged.tenantId, url: logged.url,
      body: logged.payload as Record<string, unknown>, summary: `${logged.summary} (redelivery of attempt ${id})`,
    };
    const [seq] = await this.deps.store.outbox.append([{ stream: CALLBACK_STREAM(logged.callId), payload: message }]);
    this.deps.wake.notify();
    return { seq: seq ?? 0, callId: logged.callId, url: logged.url };
  }
}
