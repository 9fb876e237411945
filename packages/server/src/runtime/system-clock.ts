import type { Clock } from '../domain/clock.js';

/** The wall clock, injected at the composition root only. */
export const systemClock: Clock = { now: () => Date.now() };
