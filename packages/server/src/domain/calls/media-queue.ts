/**
 * The media queue of one call leg (BEHAVIOR.md §7, call-playprompt / call-record): playPrompt and
 * recordResponse share one FIFO queue; the head runs, the others wait. Pure data and functions:
 * the use cases in calls/media/ persist it on the leg and turn its answers into timers.
 */

/** One queued media operation and how long it runs once it reaches the head (undefined: until cancelled). */
export interface QueuedMedia {
  operationId: string;
  durationMs?: number;
  /** recordResponse: where the recording will be served once it completes (its id is the operation's). */
  recordingLocation?: string;
}

export interface MediaQueue {
  /** Head first: the head is running, the rest wait. */
  entries: QueuedMedia[];
}

export const EMPTY_MEDIA_QUEUE: MediaQueue = { entries: [] };

/** What changed: the operation that starts now (if any) and those interrupted or dropped. */
export interface QueueChange {
  queue: MediaQueue;
  started?: QueuedMedia;
  cancelled: string[];
}

export const headOf = (queue: MediaQueue): QueuedMedia | undefined => queue.entries[0];

/** Appends; the entry starts at once when the queue was idle. */
export function enqueue(queue: MediaQueue, entry: QueuedMedia): QueueChange {
  const entries = [...queue.entries, entry];
  return { queue: { entries }, ...(entries.length === 1 ? { started: entry } : {}), cancelled: [] };
}

/**
 * bargeInAllowed (call-record): the entry jumps ahead of the queue and starts now; the running
 * head it interrupts is cancelled, the waiting ones keep their turn behind it.
 */
export function bargeIn(queue: MediaQueue, entry: QueuedMedia): QueueChange {
  const [running, ...waiting] = queue.entries;
  return { queue: { entries: [entry, ...waiting] }, started: entry, cancelled: running ? [running.operationId] : [] };
}

/** The head finished: it leaves the queue and the next one starts. A stale id changes nothing. */
export function finishHead(queue: MediaQueue, operationId: string): QueueChange {
  if (headOf(queue)?.operationId !== operationId) return { queue, cancelled: [] };
  const entries = queue.entries.slice(1);
  return { queue: { entries }, ...(entries[0] ? { started: entries[0] } : {}), cancelled: [] };
}

/** cancelMediaProcessing: the running and every queued operation are cancelled, head first. */
export const cancelAll = (queue: MediaQueue): QueueChange => ({ queue: EMPTY_MEDIA_QUEUE, cancelled: queue.entries.map((entry) => entry.operationId) });

/** Keypad tones a subscribed leg hears: numbered from 1 per leg (call-subscribetotone example). */
export interface ToneSubscription {
  lastSequenceId: number;
}

export const nextTone = (subscription: ToneSubscription): ToneSubscription => ({ lastSequenceId: subscription.lastSequenceId + 1 });

/** The DTMF keys of Graph's `tone` enum (call-senddtmftones, toneInfo). */
export const TONES = ['tone0', 'tone1', 'tone2', 'tone3', 'tone4', 'tone5', 'tone6', 'tone7', 'tone8', 'tone9', 'star', 'pound', 'a', 'b', 'c', 'd', 'flash'] as const;

export type Tone = (typeof TONES)[number];
