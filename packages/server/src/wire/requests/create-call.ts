import { z } from 'zod';
import type { CreateCallCommand, MeetingLocator } from '../../calls/calls-api.js';
import { isE164 } from '../../domain/calls/phone-number.js';
import type { Identity } from '../../domain/calls/types.js';
import { ODATA } from '../odata-type.js';
import type { WireVersion } from '../version.js';
import { compact } from './compact.js';
import { identityOf, identitySetSchema, invitationParticipantInfoSchema } from './identity-schemas.js';
import { callOptionsSchema, mediaConfigSchema, modalitiesSchema } from './media-schemas.js';
import { chatInfoSchema, meetingInfoSchema, type ChatInfoInput, type MeetingInfoInput } from './meeting-schemas.js';
import { nonEmptyString, odataType, parseWith } from './odata-schema.js';
import { objectBody } from './request-body.js';
import { wireError } from './wire-error.js';

const sourceSchema = z.looseObject({
  '@odata.type': odataType(ODATA.participantInfo),
  identity: identitySetSchema.nullish(),
});

/**
 * The create-call body (application-post-calls). Properties Graph ignores or that only the
 * service sets (`direction`, `state`, `id` …) pass unread; known ones are checked.
 */
const createCallSchema = z.looseObject({
  '@odata.type': odataType(ODATA.call),
  callbackUri: nonEmptyString,
  mediaConfig: mediaConfigSchema,
  requestedModalities: modalitiesSchema.nullish(),
  source: sourceSchema.nullish(),
  targets: z.array(invitationParticipantInfoSchema).nullish(),
  meetingInfo: meetingInfoSchema.nullish(),
  chatInfo: chatInfoSchema.nullish(),
  tenantId: z.string().nullish(),
  subject: z.string().nullish(),
  callOptions: callOptionsSchema.nullish(),
  ringingTimeoutInSeconds: z.number().int().nullish(),
  routingPolicies: z.array(z.string()).nullish(),
});

type CreateCallInput = z.output<typeof createCallSchema>;

export interface CreateCallContext {
  version: WireVersion;
  /** The client used the legacy `/app/calls` path. */
  viaAppAlias: boolean;
}

/** A create-call body → the command CallService runs, or a Graph-style 400. */
export function parseCreateCall(body: unknown, context: CreateCallContext): CreateCallCommand {
  const call = parseWith(createCallSchema, objectBody(body));
  const meeting = meetingLocator(call.meetingInfo ?? undefined, call.chatInfo ?? undefined);
  const guest = guestOf(call);
  const applicationInstance = applicationInstanceOf(call);
  checkPhoneTargets(call, applicationInstance);
  return {
    ...context,
    ...(call.tenantId ? { tenantId: call.tenantId } : {}),
    callbackUri: call.callbackUri,
    mediaHosting: call.mediaConfig.mediaHosting,
    // Not documented as required; every call carries audio, so that is what an omission asks for.
    requestedModalities: call.requestedModalities ?? ['audio'],
    targets: call.targets ?? [],
    ...(meeting ? { meeting } : {}),
    ...(guest ? { guest } : {}),
    ...(applicationInstance ? { applicationInstance } : {}),
    contentSharingNotifications: call.callOptions?.isContentSharingNotificationEnabled === true,
    echo: echoOf(call, context.version),
  };
}

/** organizerMeetingInfo finds the meeting through its chat, so it needs chatInfo (BEHAVIOR.md §4). */
function meetingLocator(info: MeetingInfoInput | undefined, chat: ChatInfoInput | undefined): MeetingLocator | undefined {
  if (!info) {
    if (chat) throw wireError('requiredProperty', { property: 'meetingInfo' });
    return undefined;
  }
  if (info.method !== 'organizerMeetingInfo') {
    const { echo: _echo, ...locator } = info;
    return locator;
  }
  if (!chat) throw wireError('requiredProperty', { property: 'chatInfo' });
  const { organizerId, organizerTenantId } = info;
  return { method: info.method, organizerId, ...(organizerTenantId ? { organizerTenantId } : {}), threadId: chat.threadId, ...(chat.messageId ? { messageId: chat.messageId } : {}) };
}

/** `source.identity.guest`: join as a guest under this display name (beta create example 10). */
function guestOf(call: CreateCallInput): CreateCallCommand['guest'] {
  const guest = call.source?.identity?.guest;
  if (!guest) return undefined;
  if (!guest.displayName) throw wireError('requiredProperty', { property: 'source.identity.guest.displayName' });
  return { displayName: guest.displayName, ...(guest.id ? { id: guest.id } : {}) };
}

/** `source.identity.applicationInstance`: the app's resource account places the call (PSTN examples 9 and 10). */
function applicationInstanceOf(call: CreateCallInput): Identity | undefined {
  const instance = call.source?.identity?.applicationInstance;
  if (!instance) return undefined;
  if (!instance.id) throw wireError('requiredProperty', { property: 'source.identity.applicationInstance.id' });
  return identityOf('applicationInstance', instance.id, instance);
}

/**
 * A phone target is an E.164 number (BEHAVIOR.md §4), and a call to one names its tenant: every
 * PSTN example sends `tenantId`; the application instance's own `tenantId` serves as well.
 */
function checkPhoneTargets(call: CreateCallInput, instance: Identity | undefined): void {
  const phones = (call.targets ?? []).map((target, index) => ({ target, index })).filter(({ target }) => target.kind === 'phone');
  for (const { target, index } of phones) {
    if (!isE164(target.id)) throw wireError('invalidPropertyValue', { property: `targets[${index}].identity.phone.id`, reason: `'${target.id}' is not an E.164 number like +14255550100` });
  }
  if (phones.length > 0 && !call.tenantId && !instance?.tenantId) throw wireError('requiredProperty', { property: 'tenantId' });
}

/** What the call resource shows back as sent; beta-only properties only on beta (BEHAVIOR.md §10). */
function echoOf(call: CreateCallInput, version: WireVersion): Record<string, unknown> {
  const beta = version === 'beta' ? { ringingTimeoutInSeconds: call.ringingTimeoutInSeconds ?? undefined, routingPolicies: call.routingPolicies ?? undefined } : {};
  return compact({
    subject: call.subject ?? undefined,
    mediaConfig: call.mediaConfig.echo,
    chatInfo: call.chatInfo ?? undefined,
    meetingInfo: call.meetingInfo?.echo,
    callOptions: call.callOptions ? compact(call.callOptions) : undefined,
    ...beta,
  });
}
