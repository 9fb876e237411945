import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * Seeded randomness for simulations and fault injection (issue 6): the same seed gives the same
 * sequence, so a scenario or a fault rule replays identically in CI. Never Math.random().
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** An independent stream for a named purpose (stable for the same seed and label). */
  fork(label: string): Random;
}

const FLOAT_STEPS = 2 ** 30;

/** A Random from a number or a string seed (strings hash to a 32-bit seed). */
export function createRandom(seed: number | string): Random {
  const numeric = typeof seed === 'number' ? seed | 0 : hashSeed(seed);
  const rng = xoroshiro128plus(numeric);
  const random: Random = {
    next: () => uniformInt(rng, 0, FLOAT_STEPS - 1) / FLOAT_STEPS,
    int: (min, max) => uniformInt(rng, min, max),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[uniformInt(rng, 0, items.length - 1)]!;
    },
    fork: (label) => createRandom(`${numeric}:${label}`),
  };
  return random;
}

/** FNV-1a: a stable 32-bit hash, so string seeds are portable between runs and machines. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
