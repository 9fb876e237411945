import { AsyncLocalStorage } from 'node:async_hooks';
import { StoreMisuseError } from '../errors.js';

interface Hold {
  active: boolean;
}

/**
 * A promise-chain mutex: callers run one at a time, in arrival order. Re-entering it from code
 * running under the lock (e.g. calling store.docs.put inside store.transaction) would wait for
 * itself forever, so that is detected and thrown instead of hanging.
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private readonly holder = new AsyncLocalStorage<Hold>();

  async run<T>(critical: () => Promise<T>): Promise<T> {
    if (this.holder.getStore()?.active) {
      throw new StoreMisuseError(
        'storage: the store was used from inside one of its own transactions; use the tx passed to work()',
      );
    }
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    await previous;
    const hold: Hold = { active: true };
    try {
      return await this.holder.run(hold, critical);
    } finally {
      hold.active = false;
      release();
    }
  }
}
