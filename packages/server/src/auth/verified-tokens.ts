import type { KeyObject } from 'node:crypto';

/** A token that passed every check that depends only on the token, the key and the time. */
export interface VerifiedToken<T> {
  /** The key that verified the signature: a hit is only good while that key is still published. */
  kid: string;
  key: KeyObject;
  /** `nbf` and `exp` in seconds, rechecked on every hit against the current (virtual) clock. */
  nbf?: number;
  exp: number;
  value: T;
}

/**
 * Tokens already verified, by their raw text. A bot sends the same token for up to an hour, and an
 * RS256 verification costs more than the rest of a Graph read; checks that can change while a token
 * lives (its key's publication, the tenant's existence) stay with the caller, per request. Bounded:
 * the oldest entry goes first once `capacity` is reached.
 */
export class VerifiedTokens<T> {
  private readonly entries = new Map<string, VerifiedToken<T>>();
  /**
   * The last token found. A bot sends the same token on request after request, and comparing it
   * with the one before costs less than hashing a kilobyte of fresh header text for the Map.
   */
  private last: { token: string; entry: VerifiedToken<T> } | undefined;

  constructor(
    private readonly capacity: number,
    private readonly skewSec: number,
  ) {}

  /** The entry while `nowSec` is within its lifetime (the same bounds jose applies); else undefined. */
  get(token: string, nowSec: number): VerifiedToken<T> | undefined {
    const entry = this.last?.token === token ? this.last.entry : this.entries.get(token);
    if (!entry) return undefined;
    if (entry.exp <= nowSec - this.skewSec || (entry.nbf !== undefined && entry.nbf > nowSec + this.skewSec)) {
      this.delete(token);
      return undefined;
    }
    this.last = { token, entry };
    return entry;
  }

  set(token: string, entry: VerifiedToken<T>): void {
    if (this.entries.size >= this.capacity && !this.entries.has(token)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    if (this.last?.token === token) this.last = undefined;
    this.entries.set(token, entry);
  }

  delete(token: string): void {
    if (this.last?.token === token) this.last = undefined;
    this.entries.delete(token);
  }

  get size(): number {
    return this.entries.size;
  }
}
