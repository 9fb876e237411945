import { available, personOf, type ActionContext, type StepOf } from './action-context.js';
import { keysToTones } from './keys.js';

/** What a person does to themselves: audio, video, sharing, holding, speaking, keypad. */

export async function mute(ctx: ActionContext, planned: StepOf<'mute'>): Promise<string> {
  await ctx.services.people.mute(...ctx.state.seat(personOf(planned)));
  return 'muted';
}

export async function unmute(ctx: ActionContext, planned: StepOf<'unmute'>): Promise<string> {
  await ctx.services.people.unmute(...ctx.state.seat(personOf(planned)));
  return 'unmuted';
}

export async function video(ctx: ActionContext, planned: StepOf<'video'>): Promise<string> {
  const people = ctx.services.people;
  await available(people.setVideo, 'video').call(people, ...ctx.state.seat(personOf(planned)), planned.step.on);
  return planned.step.on ? 'camera on' : 'camera off';
}

export async function share(ctx: ActionContext, planned: StepOf<'share'>): Promise<string> {
  const { people, fallbacks } = ctx.services;
  const seat = ctx.state.seat(personOf(planned));
  await (people.shareScreen ? people.shareScreen(...seat) : fallbacks.shareScreen(...seat));
  return 'shares their screen';
}

export async function unshare(ctx: ActionContext, planned: StepOf<'unshare'>): Promise<string> {
  const { people, fallbacks } = ctx.services;
  const seat = ctx.state.seat(personOf(planned));
  await (people.stopSharing ? people.stopSharing(...seat) : fallbacks.stopScreenSharing(...seat));
  return 'stopped sharing';
}

export async function hold(ctx: ActionContext, planned: StepOf<'hold'>): Promise<string> {
  const people = ctx.services.people;
  await available(people.hold, 'hold').call(people, ...ctx.state.seat(personOf(planned)));
  return 'on hold';
}

export async function resume(ctx: ActionContext, planned: StepOf<'resume'>): Promise<string> {
  const people = ctx.services.people;
  await available(people.resumeHeld, 'resume').call(people, ...ctx.state.seat(personOf(planned)));
  return 'resumed';
}

export async function speak(ctx: ActionContext, planned: StepOf<'speak'>): Promise<string> {
  const people = ctx.services.people;
  await available(people.setDominantSpeaker, 'speak').call(people, ...ctx.state.seat(personOf(planned)));
  return 'is the dominant speaker';
}

/** On a peer-to-peer call the keys reach the app's leg; in a meeting, the conference. */
export async function pressKeys(ctx: ActionContext, planned: StepOf<'pressKeys'>): Promise<string> {
  const { people, fallbacks } = ctx.services;
  const name = personOf(planned);
  const tones = keysToTones(planned.step.keys);
  const { callId } = ctx.state.get(name);
  if (callId !== undefined) await fallbacks.pressKeysOnCall(callId, tones);
  else await (people.pressKeys ? people.pressKeys(...ctx.state.seat(name), tones) : fallbacks.pressKeys(...ctx.state.seat(name), tones));
  return `pressed ${tones.join(' ')}`;
}
