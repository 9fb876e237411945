/** Time is a dependency: the domain and the services read it from here, never from Date.now(). */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** A clock tests can move by hand. */
export class ManualClock implements Clock {
  constructor(private current = 0) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(ms: number): void {
    this.current = ms;
  }
}

/**
 * A clock that can be waited on: the simulation's scheduler (scenario steps, fault delays) sleeps
 * in clock time, so a paused, scaled or advanced clock (issue 6, virtual time) moves it too.
 */
export interface WaitableClock extends Clock {
  /** Resolves once now() ≥ at (at once when it already is); rejects with the signal's reason on abort. */
  waitUntil(at: number, signal?: AbortSignal): Promise<void>;
}
