/**
 * The world: the directory a Graph tenant would hold, reduced to what the calling API reads.
 * These are domain types (no wire shapes); storage keeps them as documents of the kinds below.
 */

export const WORLD_KINDS = {
  tenant: 'tenant',
  user: 'user',
  application: 'application',
  consent: 'consent',
  meeting: 'meeting',
} as const;

/** Teams tenant setting behind Set-CsApplicationMeetingConfiguration. */
export interface MeetingConfiguration {
  /** App ids allowed to remove participants (`-AllowRemoveParticipantAppIds`). */
  allowRemoveParticipantAppIds: string[];
}

/**
 * A Teams compliance recording policy (New-CsTeamsComplianceRecordingPolicy), reduced to what the
 * calling API reads: the recording bots it invites. Teams names each bot by its application
 * instance; the world names it by the app id that instance stands for.
 */
export interface ComplianceRecordingPolicy {
  /** App ids of the recording bots (ComplianceRecordingApplications). */
  recordingAppIds: string[];
}

export interface Tenant {
  id: string;
  displayName: string;
  /** Primary verified domain, e.g. `contoso.example`. */
  domain: string;
  meetingConfiguration: MeetingConfiguration;
  /** Granted tenant-wide (Grant-CsTeamsComplianceRecordingPolicy -Global); absent: none. */
  complianceRecordingPolicy?: ComplianceRecordingPolicy;
}

export interface User {
  id: string;
  tenantId: string;
  displayName: string;
  userPrincipalName: string;
  /** Granted to this user (Grant-CsTeamsComplianceRecordingPolicy -Identity); absent: none. */
  complianceRecordingPolicy?: ComplianceRecordingPolicy;
  /** How the user's client answers when an app calls them peer to peer; absent: auto (domain/calls/peer-ring.ts). */
  answerMode?: AnswerMode;
}

/** auto: answers after the establish latency; manual: rings until answered or declined (control API); decline; noAnswer: rings out. */
export const ANSWER_MODES = ['auto', 'manual', 'decline', 'noAnswer'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

export interface ClientSecret {
  /** keyId, as Entra calls it. */
  id: string;
  displayName: string;
  /** First three characters, like Entra's `hint`. */
  hint: string;
  /** `scrypt$<salt b64>$<hash b64>` (see auth/secret-hash.ts). */
  hash: string;
  /** Kept only for secrets that came from a world file (fixtures the user already knows). */
  value?: string;
  createdAt: string;
  expiresAt?: string;
}

export interface ClientCertificate {
  id: string;
  displayName: string;
  /** PEM of the public certificate. */
  pem: string;
  /** Base64url SHA-1 thumbprint (`x5t`). */
  x5t: string;
  /** Base64url SHA-256 thumbprint (`x5t#S256`). */
  x5tS256: string;
  createdAt: string;
}

export interface Application {
  appId: string;
  displayName: string;
  homeTenantId: string;
  secrets: ClientSecret[];
  certificates: ClientCertificate[];
  /** Where incoming-call notifications go when a call has no callbackUri of its own. */
  callingWebhookUrl?: string;
}

/** Admin consent of one app in one tenant: the application permissions granted there. */
export interface Consent {
  tenantId: string;
  appId: string;
  /** Object id of the app's service principal in that tenant (the token's `oid`/`sub`). */
  servicePrincipalId: string;
  /** Permission names, e.g. `Calls.JoinGroupCall.All`. */
  permissions: string[];
}

/** Who may bypass the lobby of an online meeting (Graph `lobbyBypassScope`). */
export const LOBBY_BYPASS_SCOPES = ['organizer', 'organization', 'organizationAndFederated', 'everyone', 'invited'] as const;
export type LobbyBypassScope = (typeof LOBBY_BYPASS_SCOPES)[number];

export interface Meeting {
  id: string;
  tenantId: string;
  organizerId: string;
  subject: string;
  joinWebUrl: string;
  joinMeetingId: string;
  passcode?: string;
  /** `19:meeting_…@thread.v2` */
  chatThreadId: string;
  lobbyBypass: LobbyBypassScope;
  /** Graph lobbyBypassSettings.isDialInBypassEnabled: phone (dial-in) callers always skip the lobby; absent: false. */
  isDialInBypassEnabled?: boolean;
  startDateTime: string;
  endDateTime: string;
}

export const consentId = (tenantId: string, appId: string): string => `${tenantId}:${appId}`;

/** The whole world at one point in time (what a transaction reads before checking a change). */
export interface WorldSnapshot {
  tenants: Tenant[];
  users: User[];
  applications: Application[];
  consents: Consent[];
  meetings: Meeting[];
}

/** How a world file meets what is already there: `extend` upserts by id, `replace` starts from nothing. */
export const WORLD_MODES = ['extend', 'replace'] as const;
export type WorldMode = (typeof WORLD_MODES)[number];
