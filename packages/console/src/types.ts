/** The control API shapes the console reads (see /_switchboard/openapi.json for the full ones). */

export interface Identity {
  kind: 'user' | 'application' | 'guest' | 'phone' | string;
  id: string;
  displayName?: string;
  tenantId?: string;
}

export type Direction = 'inactive' | 'sendOnly' | 'receiveOnly' | 'sendReceive';

export interface RosterParticipant {
  id: string;
  kind: 'person' | 'app' | 'virtual';
  identity: Identity;
  callId?: string;
  isMuted: boolean;
  isInLobby: boolean;
  audio: Direction;
  video: Direction;
  screenSharing: Direction;
  serverMuted: boolean;
  /** Present while the person has the call on hold. */
  held?: { audio: Direction; video: Direction };
  recordingInfo?: { status: string };
  ownerCallId?: string;
  invitation?: unknown;
}

export interface MeetingRoster {
  meetingId: string;
  conferenceId?: string;
  rosterSequence: number;
  participants: RosterParticipant[];
}

export interface Meeting {
  id: string;
  tenantId: string;
  organizerId: string;
  subject: string;
  joinWebUrl: string;
  joinMeetingId: string;
  passcode?: string;
  lobbyBypass: string;
}

export interface User {
  id: string;
  displayName: string;
  tenantId: string;
  userPrincipalName?: string;
}

export interface Tenant {
  id: string;
  displayName: string;
  domain?: string;
}

export interface Application {
  appId: string;
  displayName: string;
  homeTenantId: string;
  secrets: { id: string; hint?: string; displayName?: string; expiresAt?: string }[];
  certificates: { id: string; thumbprint?: string; x5t?: string; displayName?: string }[];
  callingWebhookUrl?: string;
}

export interface Consent {
  tenantId: string;
  appId: string;
  permissions: string[];
}

export interface World {
  tenants: Tenant[];
  users: User[];
  applications: Application[];
  consents: Consent[];
  meetings: Meeting[];
}

export interface ResultInfo {
  code: number;
  subcode: number;
  message: string;
}

export interface CallLeg {
  id: string;
  appId: string;
  tenantId: string;
  direction: 'incoming' | 'outgoing';
  scenario: string;
  state: string;
  callbackUri: string;
  conferenceId?: string;
  myParticipantId?: string;
  resultInfo?: ResultInfo;
  createdAt: number;
  stateChangedAt: number;
}

export interface CallOperation {
  id: string;
  type: string;
  status: string;
  clientContext?: string;
  resultInfo?: ResultInfo;
  createdAt: number;
  finishedAt?: number;
}

export interface DeliveryAttempt {
  id: number;
  seq: number;
  callId: string;
  appId: string;
  url: string;
  attempt: number;
  at: string;
  status?: number;
  latencyMs?: number;
  error?: string;
  outcome: string;
  summary: string;
  payload: unknown;
  jwtClaims: Record<string, unknown>;
}

export interface Permission {
  name: string;
  id?: string;
  displayString?: string;
  description?: string;
}

export type List<T> = { value: T[] };
