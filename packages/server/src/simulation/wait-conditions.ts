import { isDomainError } from '../domain/errors/index.js';
import { meetingOf, personOf, type ActionContext, type StepOf } from './action-context.js';
import type { WaitCondition } from './scenario.schema.js';

type Check = (ctx: ActionContext, planned: StepOf<'waitFor'>) => Promise<boolean>;

/**
 * The conditions `waitFor` polls. `appInMeeting` is how a scenario starts alongside a bot under
 * test: the people wait until the bot's leg is in the roster (not in the lobby), then act.
 */
export const WAIT_CHECKS: Record<WaitCondition, Check> = {
  appInMeeting: async (ctx, planned) => {
    const roster = await ctx.services.people.roster(meetingOf(ctx, planned.step));
    return roster.participants.some((p) => p.kind === 'app' && !p.isInLobby && (planned.step.appId === undefined || p.identity.id === planned.step.appId));
  },
  personInLobby: async (ctx, planned) => (await entry(ctx, planned))?.isInLobby === true,
  personInMeeting: async (ctx, planned) => (await entry(ctx, planned))?.isInLobby === false,
  callEstablished: async (ctx, planned) => (await callState(ctx, planned)) === 'established',
  callEnded: async (ctx, planned) => ['terminated', undefined].includes(await callState(ctx, planned)),
};

async function entry(ctx: ActionContext, planned: StepOf<'waitFor'>): Promise<{ isInLobby: boolean } | undefined> {
  const { conferenceId, participantId } = ctx.state.get(personOf(planned));
  if (conferenceId === undefined || participantId === undefined) return undefined;
  return absentAsUndefined(() => ctx.services.people.participant(conferenceId, participantId));
}

async function callState(ctx: ActionContext, planned: StepOf<'waitFor'>): Promise<string | undefined> {
  const { callId } = ctx.state.get(personOf(planned));
  if (callId === undefined) return undefined;
  return (await absentAsUndefined(() => ctx.services.people.getCall(callId)))?.state;
}

/** A roster entry or call that no longer exists reads as absent, not as a failed check. */
async function absentAsUndefined<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isDomainError(error) && error.status === 404) return undefined;
    throw error;
  }
}
