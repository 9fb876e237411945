import type { ActionStep, RepeatStep } from './scenario.schema.js';

/** A person of a loaded scenario, with world references resolved to ids. */
export type ScenarioPerson =
  | { kind: 'user'; userId: string }
  | { kind: 'guest'; displayName: string }
  | { kind: 'phone'; number: string };

/** A validated scenario: every reference checked, durations in milliseconds. */
export interface Scenario {
  name: string;
  description?: string;
  seed: number | string;
  /** Scenario meeting key → meeting id. */
  meetings: Record<string, string>;
  people: Record<string, ScenarioPerson>;
  timeline: (ActionStep | RepeatStep)[];
}

export const isRepeat = (step: ActionStep | RepeatStep): step is RepeatStep => 'repeat' in step;
