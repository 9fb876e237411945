import type { NewCall } from '../../domain/calls/call-leg.js';
import { ringIncomingCall } from '../../domain/calls/incoming-call.js';
import { appParticipant, personParticipant } from '../../domain/calls/participants.js';
import { addParticipants, openConference, people } from '../../domain/calls/roster.js';
import type { Call, Identity } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import type { Application } from '../../domain/world/types.js';
import { inCallTx, type CallContext } from '../call-context.js';
import type { CallUnit } from '../call-unit.js';
import { endLeg } from '../leg-lifecycle.js';
import { userIdentity } from './join-meeting.js';
import { phoneIdentity } from './outsider-identity.js';
import { phoneHangsUp } from './phone-hang-up.js';
import { personLeaves } from './roster-actions.js';

/** Who calls an app: a user of the world (by id) or a phone (PSTN) caller, who needs no account. */
export type AppCaller = string | { phone: { number: string; displayName?: string } };

/**
 * A person calls an app (peer to peer): the app gets an incoming leg and a `created`
 * notification at its calling webhook (call-answer example 1), and 15 s to answer, reject or
 * redirect. Both parties are in a two-party conference from the start (Graph already names the
 * app's `myParticipantId` in the incoming notification, call-redirect example 1). A phone caller
 * is `source.identity.phone` with the E.164 number as id, as the create-call PSTN examples name
 * a phone party; it has no tenant, so the call is in the app's home tenant.
 */
export async function callApp(ctx: CallContext, from: AppCaller, appId: string): Promise<Call> {
  return inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const app = await webhookApp(ctx, unit, appId);
    const caller = typeof from === 'string' ? await userIdentity(unit, from) : phoneIdentity(from.phone);
    const conference = openConference({ id: ctx.newId(), kind: 'peerToPeer', tenantId: caller.tenantId ?? app.homeTenantId }, now);
    const participantId = ctx.newId();
    const ringing = ringIncomingCall(incomingLeg(ctx, app, caller, conference.id, participantId), now);
    const joined = addParticipants(conference, [personParticipant(ctx.newId(), caller), appParticipant(ringing.value, participantId, false)], now);
    await unit.putConference(joined.value);
    await unit.putCall(ringing.value);
    await unit.emit(ringing.events);
    await unit.setTimer('answerDeadline', ringing.value.id, ringing.value.answerDeadline ?? now);
    return ringing.value;
  });
}

/**
 * The person on the other end of a peer-to-peer call hangs up: the app's leg ends (200/4521, or
 * 200/540000 "ended by PSTN user" when they were a phone caller).
 */
export async function hangUp(ctx: CallContext, callId: string): Promise<void> {
  await inCallTx(ctx, async (unit) => {
    const now = ctx.clock.now();
    const call = await unit.requireCall(callId);
    if (call.state === 'terminated') throw new DomainError('callNotFound');
    const conference = await unit.conference(call.conferenceId);
    if (call.scenario !== 'incoming' && call.scenario !== 'peerToPeer') {
      throw new DomainError('notPeerToPeerCall', { callId, scenario: call.scenario, conferenceId: call.conferenceId ?? '' });
    }
    const person = conference ? people(conference)[0] : undefined;
    if (conference && person?.identity.kind === 'phone') return phoneHangsUp(unit, conference, person, now);
    if (conference && person) return personLeaves(unit, conference, person, now);
    await endLeg(unit, call, call.source.kind === 'phone' ? 'pstnUserHungUp' : 'peerHungUp', now);
  });
}

export async function webhookApp(ctx: CallContext, unit: CallUnit, appId: string): Promise<Application> {
  const app = await unit.world.application(appId.toLowerCase());
  if (!app) throw new DomainError('applicationNotFound', { appId });
  if (!app.callingWebhookUrl) throw new DomainError('noCallingWebhook', { appId });
  ctx.checkCallbackUri(app.callingWebhookUrl);
  return app;
}

export function incomingLeg(ctx: CallContext, app: Application, caller: Identity, conferenceId: string, participantId: string): NewCall {
  return {
    id: ctx.newId(),
    appId: app.appId,
    tenantId: caller.tenantId ?? app.homeTenantId,
    direction: 'incoming',
    scenario: 'incoming',
    mediaHosting: 'service',
    callbackUri: app.callingWebhookUrl ?? '',
    callChainId: ctx.newId(),
    conferenceId,
    myParticipantId: participantId,
    source: caller,
    targets: [{ kind: 'application', id: app.appId, displayName: app.displayName }],
    requestedModalities: ['audio'],
    grantedBy: '',
    joinedAsGuest: false,
    apiVersion: 'v1.0',
    contentSharingNotifications: false,
    echo: {},
  };
}
