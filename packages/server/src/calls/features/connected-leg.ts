import { isConnected } from '../../domain/calls/call-rules.js';
import { participantOfCall } from '../../domain/calls/roster.js';
import type { Call, Conference, Participant } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import type { Caller } from '../calls-api.js';
import type { CallUnit } from '../call-unit.js';
import { ownLiveCall } from '../use-cases/owned-call.js';

export interface ConnectedLeg {
  call: Call;
  conference: Conference;
  /** The leg's own roster entry. */
  self: Participant;
}

/**
 * The caller's call, connected and in its conference: what every meeting-feature action acts on.
 * A leg still establishing (or waiting in the lobby) is not part of the conversation yet.
 */
export async function connectedLeg(unit: CallUnit, caller: Caller, callId: string, action: string): Promise<ConnectedLeg> {
  const call = ownLiveCall(await unit.call(callId), caller);
  const conference = await unit.conference(call.conferenceId);
  const self = conference?.state === 'active' ? participantOfCall(conference, call.id) : undefined;
  if (!isConnected(call.state) || !conference || !self || self.isInLobby) {
    throw new DomainError('actionNeedsEstablishedCall', { callId, state: self?.isInLobby ? 'waiting in the lobby' : call.state, action });
  }
  return { call, conference, self };
}

/** Meetings and group calls (the conference kinds with a roster people share). */
export function assertGroupCall(call: Call, action: string, page: string): void {
  if (call.scenario === 'meeting' || call.scenario === 'groupCall') return;
  throw new DomainError('actionNeedsGroupCall', { action, page, callId: call.id, scenario: call.scenario });
}
