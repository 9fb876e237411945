import type { Config } from '../config/schema.js';
import type { FaultRegistry } from './fault-registry.js';
import { loadFaultFile } from './load-fault-file.js';

/** At start: the --faults file, if any, replaces the rules the previous file put in the store. */
export async function applyFaultsFile(faults: FaultRegistry, config: Pick<Config, 'faultsFile' | 'faultSeed'>): Promise<void> {
  if (config.faultsFile === undefined) return;
  await faults.applyFile(await loadFaultFile(config.faultsFile), { keepSeed: config.faultSeed !== undefined });
}
