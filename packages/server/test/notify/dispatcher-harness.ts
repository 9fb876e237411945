import { setTimeout as sleep } from 'node:timers/promises';
import { ManualClock } from '../../src/domain/clock.js';
import { CallbackUrlPolicy } from '../../src/notify/callback-url-policy.js';
import { startCallbackDispatcher, type CallbackDispatcher, type CallbackDispatcherDeps, type DispatcherLog } from '../../src/notify/dispatcher.js';
import { Wakeup } from '../../src/runtime/wakeup.js';
import { MemoryStore } from '../../src/storage/memory/memory-store.js';
import type { DeliveryAttempt, Store } from '../../src/storage/ports.js';
import { startWebhookReceiver, type WebhookReceiver, type WebhookReceiverOptions } from '../helpers/webhook-receiver.js';
import { APP_ID, NOW, callbackKeys, enqueue, startKeyServer } from './fixtures.js';
import type { CallbackMessage } from '../../src/notify/callback-message.js';

export interface LoggedLine {
  level: 'debug' | 'warn' | 'error';
  details: object;
  message: string;
}

export interface Harness {
  store: Store;
  clock: ManualClock;
  wake: Wakeup;
  receiver: WebhookReceiver;
  /** `…/v1/.well-known/OpenIdConfiguration` of the key routes. */
  metadataUrl: string;
  dispatcher: CallbackDispatcher;
  logged: LoggedLine[];
  /** Appends callbacks and nudges the dispatcher, as the calling services do after a commit. */
  send(...messages: CallbackMessage[]): Promise<number[]>;
  /** Moves the manual clock (backoff is in clock time) and nudges the dispatcher. */
  advance(ms: number): void;
  /** Polls the delivery log until an entry matches. */
  logEntry(predicate: (entry: DeliveryAttempt) => boolean, timeoutMs?: number): Promise<DeliveryAttempt>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  store?: Store;
  clock?: ManualClock;
  respond?: WebhookReceiverOptions['respond'];
  /** A receiver started by the test (it must have been started before the harness); left open by close(). */
  receiver?: WebhookReceiver;
  config?: Partial<CallbackDispatcherDeps['config']>;
  dispatcher?: Partial<Omit<CallbackDispatcherDeps, 'config'>>;
}

export const CONFIG = { callbackTimeoutMs: 2000, callbackMaxAttempts: 3, callbackMaxAgeMs: 60_000 };

/**
 * A dispatcher on a manual clock, with the key routes on a real socket and a receiver that
 * validates every token through them, as a production bot would.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const clock = options.clock ?? new ManualClock(NOW);
  const store = options.store ?? new MemoryStore(clock);
  const keys = await callbackKeys(store, clock);
  const keyServer = await startKeyServer(keys);
  const receiver = options.receiver ?? (await startWebhookReceiver({
    metadataUrl: keyServer.metadataUrl, audience: APP_ID, currentDate: () => new Date(clock.now()), ...(options.respond ? { respond: options.respond } : {}),
  }));
  const wake = new Wakeup();
  const logged: LoggedLine[] = [];
  const line = (level: LoggedLine['level']) => (details: object, message: string) => void logged.push({ level, details, message });
  const log: DispatcherLog = { debug: line('debug'), warn: line('warn'), error: line('error') };
  const policy = new CallbackUrlPolicy({ callbackHosts: [], allowHttpCallbacks: false });
  const dispatcher = startCallbackDispatcher({
    store, clock, keys, policy, wake, owner: 'node-test', config: { ...CONFIG, ...options.config }, log, pollMs: 20, random: () => 0.5, ...options.dispatcher,
  });
  const send = async (...messages: CallbackMessage[]) => {
    const seqs = await enqueue(store, ...messages);
    wake.notify();
    return seqs;
  };
  const advance = (ms: number) => {
    clock.advance(ms);
    wake.notify();
  };
  const close = async () => {
    await dispatcher.stop();
    await Promise.all([options.receiver ? undefined : receiver.close(), keyServer.close()]);
    if (!options.store) await store.close();
  };
  return { store, clock, wake, receiver, metadataUrl: keyServer.metadataUrl, dispatcher, logged, send, advance, logEntry: (p, t) => logEntry(store, p, t), close };
}

async function logEntry(store: Store, predicate: (entry: DeliveryAttempt) => boolean, timeoutMs = 5000): Promise<DeliveryAttempt> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = (await store.deliveries.list()).find(predicate);
    if (found) return found;
    if (performance.now() > deadline) throw new Error(`no matching delivery-log entry within ${timeoutMs} ms: ${JSON.stringify(await store.deliveries.list())}`);
    await sleep(5);
  }
}
