import { CONTROL } from './api.js';

export type ChangeListener = (topics: string[]) => void;
export type StatusListener = (connected: boolean) => void;

const listeners = new Set<ChangeListener>();

/** Views subscribe here; the one stream below feeds them. */
export function onChange(listener: ChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Follows /_switchboard/events (Server-Sent Events) with fetch, so the admin key travels in the
 * Authorization header rather than the URL; reconnects after a pause when the stream drops.
 */
export function watchChanges(key: string, onStatus: StatusListener): () => void {
  const abort = new AbortController();
  void (async () => {
    while (!abort.signal.aborted) {
      try {
        await follow(key, abort.signal, onStatus);
      } catch {
        // Dropped (server restart, network): say so and try again shortly.
      }
      onStatus(false);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  })();
  return () => abort.abort();
}

async function follow(key: string, signal: AbortSignal, onStatus: StatusListener): Promise<void> {
  const response = await fetch(`${CONTROL}/events`, { headers: { authorization: `Bearer ${key}` }, signal });
  if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
  onStatus(true);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    const events = buffer.split('\n\n');
    buffer = events.pop() ?? '';
    events.forEach(dispatch);
  }
}

function dispatch(block: string): void {
  const lines = block.split('\n');
  if (!lines.includes('event: change')) return;
  const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
  const topics = (JSON.parse(data ?? '{}') as { topics?: string[] }).topics ?? [];
  listeners.forEach((listener) => listener(topics));
}
