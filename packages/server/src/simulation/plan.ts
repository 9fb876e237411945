import type { ScenarioPerson } from './scenario-model.js';
import type { ActionStep } from './scenario.schema.js';

/** A step of the timeline as it will run: crowds and repeats expanded, picks resolved. */
export type PlannedAction = Exclude<ActionStep, { action: 'crowd' }>;

export interface PlannedStep {
  /** Position in the plan, from 1. */
  seq: number;
  /** Milliseconds from the start of the run (before any waitFor moves the timeline). */
  at: number;
  /** The person acting or acted on, after `pick` was resolved. */
  person?: string;
  step: PlannedAction;
  /** Where the step came from, e.g. `timeline[3].steps[0]` round 2. */
  source: string;
}

/** What a run executes: the same scenario and seed always give the same plan. */
export interface ScenarioPlan {
  name: string;
  seed: number | string;
  meetings: Record<string, string>;
  /** The file's people plus the generated crowd members (`crowd 1`, `crowd 2`, …). */
  people: Record<string, ScenarioPerson>;
  steps: PlannedStep[];
}
