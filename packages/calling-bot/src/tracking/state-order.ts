/**
 * How far along its life a call state is. Graph does not guarantee the order of state
 * notifications (establishing/established may swap: BEHAVIOR §4), so a state from an earlier phase
 * than the current one is stale. States within the active phase move freely among themselves
 * (a failed transfer goes transferring → established), so only arrival order decides there.
 */
const PHASE: Record<string, number> = {
  incoming: 0,
  establishing: 1,
  ringing: 1,
  established: 2,
  hold: 2,
  transferring: 2,
  transferaccepted: 2,
  redirecting: 2,
  terminating: 3,
  terminated: 4,
};

/** The phase of a state (unknown future states count as active). */
export function phaseOf(state: string): number {
  return PHASE[state.toLowerCase()] ?? 2;
}

/** Whether moving from `current` to `next` is news rather than a stale or repeated notification. */
export function isNewerState(current: string | undefined, next: string): boolean {
  if (current === undefined) return true;
  if (current.toLowerCase() === next.toLowerCase()) return false;
  return phaseOf(next) >= phaseOf(current) && phaseOf(current) < phaseOf('terminated');
}
