/**
 * What changed, for live views (the web console): after each committed write the observed store
 * publishes the document kinds it touched ("call", "conference", "user", …) plus "deliveries"
 * and "outbox". In-process only: a console watches the node it is connected to.
 */
export type ChangeListener = (topics: readonly string[]) => void;

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();

  get watched(): boolean {
    return this.listeners.size > 0;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(topics: Iterable<string>): void {
    const list = [...topics];
    if (list.length === 0) return;
    for (const listener of this.listeners) listener(list);
  }
}
