/**
 * A bot receiver for kill tests: it answers every callback with `connection: close` (so only a
 * node with a callback in flight keeps a socket to it, see socket-owner.ts) and, once armed,
 * holds the next callback unanswered: the node delivering it is then known to be mid-delivery.
 */
import { startWebhookReceiver, type ReceiverAnswer, type WebhookReceiver } from '../../helpers/webhook-receiver.js';

const CLOSE: ReceiverAnswer = { status: 202, headers: { connection: 'close' } };

export interface Arrival {
  /** Date.now() when the body had arrived. */
  at: number;
  raw: string;
}

export interface HoldingReceiver {
  rx: WebhookReceiver;
  arrivals: Arrival[];
  /** Holds the next callback; resolves with it once it has arrived. */
  holdNext(): Promise<Arrival>;
  /** Answers the held callback (if its sender still listens). */
  release(): void;
  close(): Promise<void>;
}

export async function startHoldingReceiver(): Promise<HoldingReceiver> {
  const arrivals: Arrival[] = [];
  let holding: ((arrival: Arrival) => void) | undefined;
  let release: () => void = () => undefined;
  const held = new Promise<ReceiverAnswer>((resolve) => (release = () => resolve(CLOSE)));
  const rx = await startWebhookReceiver({
    respond: (callback) => {
      const arrival = { at: Date.now(), raw: callback.raw };
      arrivals.push(arrival);
      if (!holding) return CLOSE;
      holding(arrival);
      holding = undefined;
      return held;
    },
  });
  return {
    rx,
    arrivals,
    holdNext: () => new Promise<Arrival>((resolve) => (holding = resolve)),
    release: () => release(),
    close: async () => {
      release();
      await rx.close();
    },
  };
}
