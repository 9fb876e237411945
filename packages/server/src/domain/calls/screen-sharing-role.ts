import { DomainError } from '../errors/index.js';
import { changeParticipant, participantOfCall } from './roster.js';
import type { Call, Conference, MediaDirection, Transition } from './types.js';

export type ScreenSharingRole = 'viewer' | 'sharer';

/**
 * changeScreenSharingRole (call-changescreensharingrole): group calls with app-hosted media only.
 * As sharer the app's `videoBasedScreenSharing` stream (applicationsharing-video) is `sendOnly`;
 * as viewer it receives (when the call asked for that modality). Everyone gets the roster update.
 */
export function changeScreenSharingRole(call: Call, conference: Conference, role: ScreenSharingRole): Transition<Conference> {
  if (call.scenario !== 'meeting' && call.scenario !== 'groupCall') {
    throw new DomainError('actionNeedsGroupCall', { action: 'changeScreenSharingRole', page: 'call-changescreensharingrole', callId: call.id, scenario: call.scenario });
  }
  if (call.mediaHosting !== 'app') throw new DomainError('screenSharingNeedsAppHostedMedia', { callId: call.id });
  const own = participantOfCall(conference, call.id);
  if (!own) throw new DomainError('actionNeedsEstablishedCall', { callId: call.id, state: call.state, action: 'changeScreenSharingRole' });
  const direction = directionFor(call, role);
  if (own.screenSharing === direction) return { value: conference, events: [] };
  return changeParticipant(conference, own.id, { screenSharing: direction });
}

/** A viewer receives the screen share when the call asked for it, as appParticipant starts out. */
function directionFor(call: Call, role: ScreenSharingRole): MediaDirection {
  if (role === 'sharer') return 'sendOnly';
  return call.requestedModalities.includes('videoBasedScreenSharing') ? 'receiveOnly' : 'inactive';
}
