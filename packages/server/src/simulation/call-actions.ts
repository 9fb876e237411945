import { ringsPeer } from '../domain/calls/peer-ring.js';
import type { Call } from '../domain/calls/types.js';
import { DomainError } from '../domain/errors/index.js';
import { DEMO } from '../world/demo-world.js';
import { available, personOf, scenarioPerson, type ActionContext, type StepOf } from './action-context.js';
import type { ScenarioPerson } from './scenario-model.js';

/** Peer-to-peer calls: a person calls an app, hangs up, or answers/declines an app's call. */

/** Users and phone (PSTN) callers can dial an app; a guest has no number or account to call from. */
export async function callApp(ctx: ActionContext, planned: StepOf<'callApp'>): Promise<string> {
  const name = personOf(planned);
  const person = scenarioPerson(ctx, name);
  const appId = planned.step.appId ?? DEMO.appId;
  const call = await placeCall(ctx, person, appId);
  ctx.state.set(name, { callId: call.id, ...(call.conferenceId ? { conferenceId: call.conferenceId } : {}) });
  return `calls app ${appId}: incoming call ${call.id}`;
}

function placeCall(ctx: ActionContext, person: ScenarioPerson, appId: string): Promise<Call> {
  const people = ctx.services.people;
  if (person.kind === 'user') return people.callApp(person.userId, appId);
  if (person.kind === 'phone') return available(people.callAppFromPhone, 'callApp from a phone').call(people, person.number, appId);
  throw new DomainError('scenarioActionUnavailable', { action: `callApp from a ${person.kind}` });
}

export async function hangUp(ctx: ActionContext, planned: StepOf<'hangUp'>): Promise<string> {
  const name = personOf(planned);
  const callId = ctx.state.call(name);
  await ctx.services.people.hangUp(callId);
  ctx.state.forget(name);
  return `hung up call ${callId}`;
}

export async function answer(ctx: ActionContext, planned: StepOf<'answer'>): Promise<string> {
  const people = ctx.services.people;
  const name = personOf(planned);
  const call = await ringingCallTo(ctx, scenarioPerson(ctx, name), name);
  await available(people.answerCall, 'answer').call(people, call.id);
  ctx.state.set(name, { callId: call.id, ...(call.conferenceId ? { conferenceId: call.conferenceId } : {}) });
  return `answered call ${call.id}`;
}

export async function decline(ctx: ActionContext, planned: StepOf<'decline'>): Promise<string> {
  const people = ctx.services.people;
  const name = personOf(planned);
  const call = await ringingCallTo(ctx, scenarioPerson(ctx, name), name);
  await available(people.declineCall, 'decline').call(people, call.id);
  return `declined call ${call.id}`;
}

/**
 * The newest app call still ringing this person (an app's peer-to-peer call to them), including
 * one placed so recently that the establish step has not started the ring: like the control API,
 * a step may answer or decline it at once (calls/people/peer-ring.ts).
 */
async function ringingCallTo(ctx: ActionContext, person: ScenarioPerson, name: string): Promise<Call> {
  const id = person.kind === 'user' ? person.userId : person.kind === 'phone' ? person.number : undefined;
  const calls = await ctx.services.people.listCalls();
  const ringing = calls.filter((call) => ringsPeer(call) && call.targets.some((t) => t.id === id));
  const newest = ringing.sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!newest) throw new DomainError('scenarioPersonAbsent', { person: name, where: 'being called by an app', how: 'wait until an app calls them' });
  return newest;
}
