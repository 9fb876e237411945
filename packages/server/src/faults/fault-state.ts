import type { DocumentPort } from '../storage/ports.js';
import type { FaultRule } from './fault-rule.js';
import { THROTTLING_OFF, type ThrottlingProfile } from './throttling-profile.js';

/** The default seed of `rate` draws: fixed, so a run without --fault-seed is reproducible too. */
export const DEFAULT_FAULT_SEED = 1;

/** The fault book's document: rules without their counters (documents of their own, fault-counters.ts), seed, throttling. */
export interface FaultState {
  seed: number;
  throttling: ThrottlingProfile;
  rules: Omit<FaultRule, 'matched' | 'fired'>[];
}

const KIND = 'faultBook';
const ID = 'node';

/** The stored state and its document version (0: nothing stored yet, the defaults). */
export async function readFaultState(docs: DocumentPort): Promise<{ state: FaultState; version: number }> {
  const stored = await docs.get<FaultState>(KIND, ID);
  return { state: stored?.data ?? { seed: DEFAULT_FAULT_SEED, throttling: THROTTLING_OFF, rules: [] }, version: stored?.version ?? 0 };
}

/** Writes over `expectedVersion` (VersionConflictError when another node wrote meanwhile); returns the new version. */
export async function writeFaultState(docs: DocumentPort, state: FaultState, expectedVersion: number): Promise<number> {
  return (await docs.put(KIND, ID, state, expectedVersion)).version;
}

export function stateOf(seed: number, throttling: ThrottlingProfile, rules: readonly FaultRule[]): FaultState {
  return { seed, throttling, rules: rules.map(({ matched: _matched, fired: _fired, ...rule }) => rule) };
}
