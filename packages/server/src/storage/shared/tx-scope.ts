import { StoreMisuseError } from '../errors.js';
import type { StoreTx } from '../ports.js';

/**
 * The lifetime of one transaction. A tx kept past the end of its transaction (a stray promise,
 * a captured reference) must fail loudly: its writes would otherwise be lost or land outside any
 * transaction.
 */
export class TxScope {
  private open = true;

  end(): void {
    this.open = false;
  }

  check(): void {
    if (!this.open) {
      throw new StoreMisuseError('storage: this transaction has already finished; its tx can no longer be used');
    }
  }
}

/** Runs `work` with a fresh tx whose scope ends as soon as `work` settles, before commit. */
export async function runScoped<T>(
  work: (tx: StoreTx) => Promise<T>,
  makeTx: (scope: TxScope) => StoreTx,
): Promise<T> {
  const scope = new TxScope();
  try {
    return await work(makeTx(scope));
  } finally {
    scope.end();
  }
}
