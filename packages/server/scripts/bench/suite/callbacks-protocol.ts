/**
 * IPC between the callback measure and its two children: the server (scripts/bench/callbacks-child.ts)
 * and the receiver (callbacks-receiver.ts). Every time is epoch milliseconds with sub-ms precision
 * (performance.timeOrigin + performance.now()), comparable across the processes.
 */

/** Per stream (= bot index = call leg), the times in the order they happened there. */
export type StampsByStream = number[][];

export type CallbacksChildRequest =
  /** The call legs to notify, bot i ↔ stream i; answers the notification body's size in bytes. */
  | { type: 'legs'; id: number; callIds: string[] }
  /** Appends `count` roster notifications round-robin over the legs, `perTransaction` per call transaction; answers their enqueue times. */
  | { type: 'enqueue'; id: number; count: number; perSecond: number; perTransaction: number }
  /** The raw undici baseline: the same POSTs straight to the receiver; answers their send times. */
  | { type: 'raw'; id: number; count: number; perSecond: number; concurrency: number }
  /** Resolves once the outbox is empty and nothing is in flight. */
  | { type: 'drained'; id: number }
  /** CPU time the server process has used so far, ms (user + system). */
  | { type: 'cpu'; id: number }
  /** Starts the CPU profiler, or (with `file`) stops it and writes the .cpuprofile there. */
  | { type: 'profile'; id: number; file?: string }
  | { type: 'stop' };

export type CallbacksChildReply =
  | { type: 'ready'; port: number; caPem: string; adminKey: string }
  | { type: 'failed'; error: string }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'error'; id: number; error: string };

export type ReceiverRequest =
  /** Forget the arrivals so far. */
  | { type: 'reset'; id: number }
  /** Answers the arrivals since the last reset, by bot index. */
  | { type: 'collect'; id: number }
  | { type: 'stop' };

export type ReceiverReply =
  | { type: 'ready'; baseUrl: string }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'error'; id: number; error: string };
