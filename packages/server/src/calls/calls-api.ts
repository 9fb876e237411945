import type { Call, Identity, Modality, Operation, Participant } from '../domain/calls/types.js';

/** Who is calling the Graph API: the verified app-only token. */
export interface Caller {
  appId: string;
  tenantId: string;
  roles: string[];
}

export type MeetingLocator =
  | { method: 'joinMeetingId'; joinMeetingId: string; passcode?: string }
  /** organizerMeetingInfo + chatInfo (also what a Teams join URL decodes to). */
  | { method: 'organizerMeetingInfo'; organizerId: string; organizerTenantId?: string; threadId: string; messageId?: string }
  /** tokenMeetingInfo: an opaque token Switchboard issued for a meeting (see docs). */
  | { method: 'tokenMeetingInfo'; token: string };

/** A parsed, syntactically valid create-call body (http/ validated the wire shape). */
export interface CreateCallCommand {
  version: 'v1.0' | 'beta';
  viaAppAlias: boolean;
  /** Body `tenantId`: the meeting's tenant. */
  tenantId?: string;
  callbackUri: string;
  mediaHosting: 'service' | 'app';
  requestedModalities: Modality[];
  /** P2P / group-call targets (users, or one phone number); empty for meeting joins. */
  targets: Identity[];
  meeting?: MeetingLocator;
  /** source.identity.guest: join as a guest with this display name. */
  guest?: { displayName: string; id?: string };
  /** source.identity.applicationInstance: the app's resource account places the call (needed to call a phone). */
  applicationInstance?: Identity;
  contentSharingNotifications: boolean;
  /** Properties echoed back on the call resource, as sent. */
  echo: Record<string, unknown>;
}

export interface AnswerCommand {
  callbackUri?: string;
  mediaHosting: 'service' | 'app';
  acceptedModalities: Modality[];
  participantCapacity?: number;
  contentSharingNotifications: boolean;
  echo: Record<string, unknown>;
}

export interface RejectCommand {
  reason: 'none' | 'busy' | 'forbidden';
  callbackUri?: string;
}

export interface RedirectCommand {
  targets: Identity[];
  /** Seconds, 15–90 (default 55 for one target, 60 for several). */
  timeoutSeconds?: number;
  callbackUri?: string;
}

/**
 * The calling use cases the Graph routes drive. Every method checks that the call belongs to
 * the caller's app (another app's call answers like an unknown one) and throws DomainErrors.
 */
export interface CallsApi {
  createCall(caller: Caller, command: CreateCallCommand): Promise<Call>;
  getCall(caller: Caller, callId: string): Promise<Call>;
  /** Hangs up the app's leg: 204, then `updated` terminating and `deleted` terminated. */
  deleteCall(caller: Caller, callId: string): Promise<void>;
  keepAlive(caller: Caller, callId: string): Promise<void>;
  answer(caller: Caller, callId: string, command: AnswerCommand): Promise<void>;
  reject(caller: Caller, callId: string, command: RejectCommand): Promise<void>;
  redirect(caller: Caller, callId: string, command: RedirectCommand): Promise<void>;
  listParticipants(caller: Caller, callId: string): Promise<Participant[]>;
  getParticipant(caller: Caller, callId: string, participantId: string): Promise<Participant>;
  /** Any operation of the call, also after the call ended (reads of finished operations stay possible). */
  getOperation(caller: Caller, callId: string, operationId: string): Promise<Operation>;
}
