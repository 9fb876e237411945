import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from './api.js';
import { onChange } from './changes.js';

export const ApiContext = createContext<Api | undefined>(undefined);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside a signed-in console');
  return api;
}

/** Which change topics a view cares about; by default every write but the delivery log's. */
export type TopicFilter = (topics: string[]) => boolean;
export const callTopics: TopicFilter = (topics) => topics.some((topic) => topic !== 'deliveries');
export const deliveryTopics: TopicFilter = (topics) => topics.some((topic) => topic === 'deliveries' || topic === 'outbox');

export interface Live<T> {
  data: T | undefined;
  error: string | undefined;
  reload: () => void;
}

/**
 * Loads once, then again whenever the server reports a change the view cares about (no polling).
 * A load in flight when another change arrives is followed by one more load.
 */
export function useLive<T>(load: (api: Api) => Promise<T>, keys: unknown[], accept: TopicFilter = callTopics): Live<T> {
  const api = useApi();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const running = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);
  const reload = useCallback(() => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = load(api)
      .then((value) => (setData(value), setError(undefined)))
      .catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)))
      .finally(() => {
        running.current = undefined;
        if (!again.current) return;
        again.current = false;
        reload();
      });
  }, [api, ...keys]);
  useEffect(() => {
    reload();
    return onChange((topics) => accept(topics) && reload());
  }, [reload]);
  return { data, error, reload };
}
