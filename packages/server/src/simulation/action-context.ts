import { DomainError } from '../domain/errors/index.js';
import type { PlannedAction, PlannedStep, ScenarioPlan } from './plan.js';
import type { RunState } from './run-state.js';
import type { ScenarioPerson } from './scenario-model.js';
import type { ScenarioServices } from './scenario-ports.js';

/** What an action handler sees: the services, the plan and the run's memory of its people. */
export interface ActionContext {
  services: ScenarioServices;
  plan: ScenarioPlan;
  state: RunState;
}

/** A planned step narrowed to one action. */
export type StepOf<A extends PlannedAction['action']> = PlannedStep & { step: Extract<PlannedAction, { action: A }> };

/** The meeting a step happens in: its own `meeting` key, else the scenario's only meeting. */
export function meetingOf(ctx: ActionContext, step: PlannedAction): string {
  const key = (step as { meeting?: string }).meeting ?? Object.keys(ctx.plan.meetings)[0] ?? '';
  const id = ctx.plan.meetings[key];
  if (id === undefined) throw new DomainError('validationFailed', { details: `the scenario names no meeting "${key}"` });
  return id;
}

/** The acting person of a step (`pick` already resolved by the plan). */
export function personOf(planned: PlannedStep): string {
  if (planned.person === undefined) throw new DomainError('scenarioPersonAbsent', { person: `nobody of crowd "${(planned.step as { pick?: string }).pick ?? '?'}"`, where: 'in the meeting yet', how: 'let the crowd join' });
  return planned.person;
}

export function scenarioPerson(ctx: ActionContext, name: string): ScenarioPerson {
  const person = ctx.plan.people[name];
  if (!person) throw new DomainError('validationFailed', { details: `unknown person "${name}"` });
  return person;
}

/** A people action the facade may not have yet (see ScenarioPeople). */
export function available<F>(fn: F | undefined, action: string): F {
  if (fn === undefined) throw new DomainError('scenarioActionUnavailable', { action });
  return fn;
}
