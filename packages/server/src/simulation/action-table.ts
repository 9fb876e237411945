import type { ActionContext, StepOf } from './action-context.js';
import { answer, callApp, decline, hangUp } from './call-actions.js';
import type { PlannedAction, PlannedStep } from './plan.js';
import { admit, deny, endMeeting, join, leave, remove } from './roster-actions.js';
import { hold, mute, pressKeys, resume, share, speak, unmute, unshare, video } from './self-actions.js';

type Handler<A extends PlannedAction['action']> = (ctx: ActionContext, planned: StepOf<A>) => Promise<string>;
type TimelineAction = Exclude<PlannedAction['action'], 'wait' | 'waitFor'>;

/** One handler per people action; `wait` and `waitFor` move the timeline and live in the runner. */
export const ACTIONS: { [A in TimelineAction]: Handler<A> } = {
  join, leave, mute, unmute, video, share, unshare, hold, resume, speak, pressKeys, callApp, hangUp, answer, decline, admit, deny, remove, endMeeting,
};

export function runAction(ctx: ActionContext, planned: PlannedStep): Promise<string> {
  const handler = ACTIONS[planned.step.action as TimelineAction] as Handler<TimelineAction>;
  return handler(ctx, planned as StepOf<TimelineAction>);
}
