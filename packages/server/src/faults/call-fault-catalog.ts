import type { ResultInfo } from '../domain/calls/types.js';

/**
 * Call faults by name (issue 6, item 4): what ends or disturbs a bot's call, each with the
 * resultInfo code/subcode of the Graph call end reason table (methods.json callEndReasonCodes).
 * Filled in by the call fault work; the control API lists it at /_switchboard/faults/catalog.
 */
export interface CallFaultEntry {
  name: string;
  description: string;
  resultInfo: ResultInfo;
}

export const CALL_FAULTS: readonly CallFaultEntry[] = [];
