import { nextTone, type Tone } from '../../domain/calls/media-queue.js';
import type { Call, CallEvent } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallUnit } from '../call-unit.js';
import { hearsTones } from './media-operations.js';

/** Which app legs heard the keys (those subscribed to tones). */
export interface KeysPressed {
  notifiedCallIds: string[];
}

/**
 * A person in a meeting or group call presses keypad keys (control API): every app leg of the
 * conference that called subscribeToTone gets one `updated` call notification per key, with
 * toneInfo {sequenceId, tone} (call-subscribetotone example). Other legs hear nothing.
 */
export async function pressKeys(ctx: CallContext, conferenceId: string, participantId: string, tones: Tone[]): Promise<KeysPressed> {
  if (tones.length === 0) throw new DomainError('noDtmfTones');
  return inCallTx(ctx, async (unit) => {
    const conference = await unit.requireConference(conferenceId);
    const person = conference.participants.find((participant) => participant.id === participantId);
    if (!person) throw new DomainError('participantNotFound', { participantId });
    if (person.kind === 'app') throw new DomainError('participantIsApp', { participantId, appId: person.identity.id, callId: person.callId ?? '' });
    const legs = conference.participants.filter((participant) => participant.kind === 'app' && participant.callId).map((participant) => participant.callId!);
    return deliver(unit, legs, tones);
  });
}

/** The caller on the other end of a peer-to-peer call presses keys (POST /_switchboard/calls/:callId/dtmf). */
export async function pressKeysOnCall(ctx: CallContext, callId: string, tones: Tone[]): Promise<KeysPressed> {
  if (tones.length === 0) throw new DomainError('noDtmfTones');
  return inCallTx(ctx, async (unit) => {
    const call = await unit.requireCall(callId);
    if (call.scenario === 'meeting' || call.scenario === 'groupCall') throw new DomainError('notPeerToPeerCall', { callId, scenario: call.scenario, conferenceId: call.conferenceId ?? '' });
    return deliver(unit, [callId], tones);
  });
}

async function deliver(unit: CallUnit, callIds: string[], tones: Tone[]): Promise<KeysPressed> {
  const notifiedCallIds: string[] = [];
  for (const callId of callIds) {
    const leg = await unit.call(callId);
    if (!hearsTones(leg)) continue;
    await hear(unit, leg, tones);
    notifiedCallIds.push(callId);
  }
  return { notifiedCallIds };
}

/** One event per key, numbered on from the leg's last tone. */
async function hear(unit: CallUnit, leg: Call, tones: Tone[]): Promise<void> {
  let current = leg;
  const events: CallEvent[] = [];
  for (const tone of tones) {
    current = { ...current, tones: nextTone(current.tones!) };
    events.push({ type: 'call:tone', call: current, tone, sequenceId: current.tones!.lastSequenceId });
  }
  await unit.putCall(current);
  await unit.emit(events);
}
