import type { FaultBook } from './fault-book.js';
import type { FaultRule, FaultRuleInput } from './fault-rule.js';
import type { FaultFile } from './fault-file.schema.js';
import type { ThrottlingProfile } from './throttling-profile.js';

/**
 * The fault book as the control API, the CLI and the Graph gateway see it: the rules plus their
 * seed and the throttling profile, kept in the store so a restart keeps them.
 */
export interface FaultRegistry extends FaultBook {
  get(id: string): FaultRule | undefined;
  /** Re-reads the rules' stored counters (other nodes count too) for list() and get(). */
  refreshCounts(): Promise<void>;
  add(rule: FaultRuleInput, source?: FaultRule['source']): Promise<FaultRule>;
  seed(): number;
  /** Sets the seed and restarts the random sequence. */
  setSeed(seed: number): Promise<void>;
  throttling(): ThrottlingProfile;
  setThrottling(profile: ThrottlingProfile): Promise<void>;
  /** Seconds to answer in Retry-After when this app and tenant are over the limit; else undefined. */
  throttle(appId: string, tenantId: string): number | undefined;
  /** Puts a --faults file in place: its rules replace the previous file's, ahead of API rules. */
  applyFile(file: FaultFile, options: { keepSeed: boolean }): Promise<void>;
  /** Re-reads the stored rules every `ms` (another node may change them); returns the stop. */
  follow(ms: number): () => void;
}
