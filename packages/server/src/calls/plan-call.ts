import { MAX_GROUP_CALL_TARGETS } from '../domain/calls/call-rules.js';
import { grantFor, scenarioPermissions, type CreateScenario } from '../domain/calls/scenario-permissions.js';
import type { Identity } from '../domain/calls/types.js';
import { DomainError } from '../domain/errors/index.js';
import type { Meeting } from '../domain/world/types.js';
import type { Caller, CreateCallCommand, MeetingLocator } from './calls-api.js';
import type { CallContext } from './call-context.js';
import { resolveMeeting, sameId } from './resolve-meeting.js';

/** What a create-call request turns into once the world has been consulted and it is authorized. */
export interface CallPlan {
  scenario: 'meeting' | 'groupCall' | 'peerToPeer';
  /** The meeting's tenant, or the caller's for calls without a meeting. */
  tenantId: string;
  grantedBy: string;
  meeting?: Meeting;
  /** The app, the guest identity it joins a meeting as, or the application instance it calls from. */
  source: Identity;
  /** Users called, with their names from the directory, or the phone number called. */
  targets: Identity[];
  joinedAsGuest: boolean;
}

export async function planCall(ctx: CallContext, caller: Caller, command: CreateCallCommand): Promise<CallPlan> {
  return command.meeting ? planMeetingJoin(ctx, caller, command, command.meeting) : planOutgoingCall(ctx, caller, command);
}

async function planMeetingJoin(ctx: CallContext, caller: Caller, command: CreateCallCommand, locator: MeetingLocator): Promise<CallPlan> {
  const meeting = await resolveMeeting(ctx.world, locator);
  if (command.tenantId && !sameId(command.tenantId, meeting.tenantId)) throw new DomainError('tenantMismatch');
  const asGuest = command.guest !== undefined;
  const grantedBy = grantFor(scenarioPermissions({ kind: 'meeting', asGuest }), await rolesIn(ctx, caller, meeting.tenantId), command.mediaHosting);
  const source: Identity = command.guest
    ? { kind: 'guest', id: command.guest.id ?? ctx.newId(), displayName: command.guest.displayName }
    : await appIdentity(ctx, caller, meeting.tenantId);
  return { scenario: 'meeting', tenantId: meeting.tenantId, grantedBy, meeting, source, targets: [], joinedAsGuest: asGuest };
}

/**
 * No meeting: one target is a peer-to-peer call, otherwise a group call (≤ 5 users; none at
 * all is an empty group call, as Graph creates one when neither chat nor meeting info is given).
 * A guest identity only means something for meeting joins and is ignored here; an application
 * instance, when given, is the call's source (Graph shows it back as sent, PSTN example 9).
 */
async function planOutgoingCall(ctx: CallContext, caller: Caller, command: CreateCallCommand): Promise<CallPlan> {
  const tenantId = command.tenantId ?? command.applicationInstance?.tenantId ?? caller.tenantId;
  const scenario: CreateScenario = command.targets.length === 1 ? { kind: 'peerToPeer' } : { kind: 'groupCall' };
  if (command.targets.length > MAX_GROUP_CALL_TARGETS) throw new DomainError('tooManyCallTargets', { max: MAX_GROUP_CALL_TARGETS, count: command.targets.length });
  checkPhoneCall(command, tenantId);
  const grantedBy = grantFor(scenarioPermissions(scenario), await rolesIn(ctx, caller, tenantId), command.mediaHosting);
  const targets = await Promise.all(command.targets.map((target) => calledParty(ctx, target, tenantId)));
  const source = command.applicationInstance ?? (await appIdentity(ctx, caller, tenantId));
  return { scenario: scenario.kind, tenantId, grantedBy, source, targets, joinedAsGuest: false };
}

/**
 * A phone number is called peer to peer, from an application instance of the call's tenant:
 * "PSTN → Init + an application instance" (BEHAVIOR.md §2.2); group calls an app creates hold
 * VoIP users only (§4). Calls.Initiate.All is then checked like for any peer-to-peer call.
 */
function checkPhoneCall(command: CreateCallCommand, tenantId: string): void {
  if (!command.targets.some((target) => target.kind === 'phone')) return;
  const instance = command.applicationInstance;
  if (!instance) throw new DomainError('phoneCallNeedsApplicationInstance');
  if (command.targets.length > 1) throw new DomainError('unsupportedCallTarget', { kind: 'phone', reason: 'a phone number is called peer to peer, as the one target; group calls created by an app hold VoIP users only' });
  if (instance.tenantId && !sameId(instance.tenantId, tenantId)) throw new DomainError('tenantMismatch');
}

/**
 * The app's permissions in `tenantId`: the token's roles in its own tenant; in another tenant,
 * what the app was consented there (a multi-tenant bot joining a customer's meeting). Without
 * consent in that tenant Graph answers 7505 "Request authorization tenant mismatch."
 */
async function rolesIn(ctx: CallContext, caller: Caller, tenantId: string): Promise<readonly string[]> {
  if (sameId(tenantId, caller.tenantId)) return caller.roles;
  const consent = await ctx.world.consent(tenantId.toLowerCase(), caller.appId);
  if (!consent) throw new DomainError('tenantMismatch');
  return consent.permissions;
}

async function appIdentity(ctx: CallContext, caller: Caller, tenantId: string): Promise<Identity> {
  const app = await ctx.world.application(caller.appId);
  return { kind: 'application', id: caller.appId, ...(app ? { displayName: app.displayName } : {}), tenantId };
}

/** Calls reach users of the call's tenant, or a phone number (any E.164 number rings); federation is not simulated. */
async function calledParty(ctx: CallContext, target: Identity, tenantId: string): Promise<Identity> {
  if (target.kind === 'phone') return target;
  if (target.kind !== 'user') throw new DomainError('unsupportedCallTarget', { kind: target.kind, reason: 'Switchboard calls users of its world and phone numbers' });
  const user = await ctx.world.user(target.id.toLowerCase());
  if (!user || !sameId(user.tenantId, tenantId)) throw new DomainError('callTargetNotFound', { userId: target.id, tenantId });
  return { kind: 'user', id: user.id, displayName: user.displayName, tenantId: user.tenantId };
}
