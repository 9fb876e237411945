import type { PersonJoin } from '../calls/people/people-types.js';
import { available, meetingOf, personOf, scenarioPerson, type ActionContext, type StepOf } from './action-context.js';
import type { ScenarioPerson } from './scenario-model.js';

/** Meeting actions: joining and leaving, and what the organizer does to the roster. */

function joinBody(person: ScenarioPerson, muted?: boolean, video?: boolean): PersonJoin {
  const flags = { ...(muted === undefined ? {} : { muted }), ...(video === undefined ? {} : { video }) };
  if (person.kind === 'user') return { userId: person.userId, ...flags };
  if (person.kind === 'phone') return { phone: { number: person.number }, ...flags } as PersonJoin;
  return { guest: { displayName: person.displayName }, ...flags };
}

export async function join(ctx: ActionContext, planned: StepOf<'join'>): Promise<string> {
  const name = personOf(planned);
  const meetingId = meetingOf(ctx, planned.step);
  const joined = await ctx.services.people.joinMeeting(meetingId, joinBody(scenarioPerson(ctx, name), planned.step.muted, planned.step.video));
  ctx.state.set(name, { meetingId, conferenceId: joined.conferenceId, participantId: joined.participantId });
  return joined.isInLobby ? `waits in the lobby as ${joined.participantId}` : `joined as ${joined.participantId}`;
}

export async function leave(ctx: ActionContext, planned: StepOf<'leave'>): Promise<string> {
  const name = personOf(planned);
  await ctx.services.people.leave(...ctx.state.seat(name));
  ctx.state.forgetSeat(name);
  return 'left';
}

export async function remove(ctx: ActionContext, planned: StepOf<'remove'>): Promise<string> {
  const name = personOf(planned);
  await ctx.services.people.remove(...ctx.state.seat(name));
  ctx.state.forgetSeat(name);
  return 'removed by the organizer';
}

export async function admit(ctx: ActionContext, planned: StepOf<'admit'>): Promise<string> {
  await ctx.services.people.admit(...ctx.state.seat(personOf(planned)));
  return 'admitted from the lobby';
}

export async function deny(ctx: ActionContext, planned: StepOf<'deny'>): Promise<string> {
  const name = personOf(planned);
  const people = ctx.services.people;
  await available(people.deny, 'deny').call(people, ...ctx.state.seat(name));
  ctx.state.forgetSeat(name);
  return 'turned away from the lobby';
}

export async function endMeeting(ctx: ActionContext, planned: StepOf<'endMeeting'>): Promise<string> {
  await ctx.services.people.endMeeting(meetingOf(ctx, planned.step));
  return 'meeting ended for everyone';
}
