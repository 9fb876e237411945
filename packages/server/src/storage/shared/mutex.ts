import { AsyncLocalStorage } from 'node:async_hooks';
import { StoreMisuseError } from '../errors.js';

interface Hold {
  active: boolean;
}

/**
 * Whether a mutex detects re-entry when its owner does not say (the `storeChecks` config option
 * says for a server's store). Detecting it needs an AsyncLocalStorage, and on Node 20 the first
 * one to run turns on async hooks for every promise and socket of the process: about 8 % of a
 * Graph GET's CPU in the HTTP profile (docs/perf/http.md, Round 2). So detection is a development
 * check: on under `node --test` (the runner sets NODE_TEST_CONTEXT in every test process); in
 * production, the misuse hangs instead of throwing, as it would without the check.
 */
export const reentryChecksByDefault = (env: NodeJS.ProcessEnv = process.env): boolean => env.NODE_TEST_CONTEXT !== undefined;

/** How a store builds its mutex; `detectReentry` unset = reentryChecksByDefault(). */
export interface StoreCheckOptions {
  detectReentry?: boolean;
}

/**
 * A promise-chain mutex: callers run one at a time, in arrival order. Re-entering it from code
 * running under the lock (e.g. calling store.docs.put inside store.transaction) would wait for
 * itself forever; with re-entry checks on, that is detected and thrown instead of hanging.
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private readonly holder: AsyncLocalStorage<Hold> | undefined;

  constructor(options: { detectReentry?: boolean } = {}) {
    this.holder = (options.detectReentry ?? reentryChecksByDefault()) ? new AsyncLocalStorage<Hold>() : undefined;
  }

  get detectsReentry(): boolean {
    return this.holder !== undefined;
  }

  /** Throws when called from code running under this lock (with re-entry checks on). */
  assertNotHeld(): void {
    if (this.holder?.getStore()?.active) {
      throw new StoreMisuseError(
        'storage: the store was used from inside one of its own transactions; use the tx passed to work()',
      );
    }
  }

  async run<T>(critical: () => Promise<T>): Promise<T> {
    this.assertNotHeld();
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    await previous;
    const hold: Hold = { active: true };
    try {
      return await (this.holder ? this.holder.run(hold, critical) : critical());
    } finally {
      hold.active = false;
      release();
    }
  }
}
