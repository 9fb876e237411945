import type { Tone } from '../domain/calls/media-queue.js';

const KEY_TONES: Record<string, Tone> = { '*': 'star', '#': 'pound', a: 'a', b: 'b', c: 'c', d: 'd' };

/** `"12#"` → tone1, tone2, pound: keypad keys as people type them, as Graph `tone` values. */
export function keysToTones(keys: string | readonly Tone[]): Tone[] {
  if (typeof keys !== 'string') return [...keys];
  return [...keys.toLowerCase()].map((key) => (/[0-9]/.test(key) ? (`tone${key}` as Tone) : (KEY_TONES[key] ?? 'flash')));
}
