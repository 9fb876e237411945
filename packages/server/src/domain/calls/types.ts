/**
 * Domain types of the calling API: a bot's call leg, the conference (roster) it sits in, and the
 * events transitions emit. No wire shapes here: http/ and wire/ map these to Graph JSON.
 * Times are epoch milliseconds of the injected (possibly scaled) clock.
 */

/** Graph `callState` (BEHAVIOR.md §4). `ringing` exists in beta only. */
export type CallState =
  | 'incoming'
  | 'establishing'
  | 'ringing'
  | 'established'
  | 'hold'
  | 'transferring'
  | 'transferAccepted'
  | 'redirecting'
  | 'terminating'
  | 'terminated';

export type Modality = 'audio' | 'video' | 'videoBasedScreenSharing' | 'data';

export type MediaDirection = 'inactive' | 'sendOnly' | 'receiveOnly' | 'sendReceive';

/** Graph `resultInfo`: why a call or operation ended (BEHAVIOR.md §9, call end reason table). */
export interface ResultInfo {
  code: number;
  subcode: number;
  message: string;
}

/** Who someone is: one member of a Graph identitySet. */
export interface Identity {
  kind: 'user' | 'application' | 'guest' | 'phone';
  id: string;
  displayName?: string;
  tenantId?: string;
}

/** How a call came to be; drives authorization, rosters and which notifications flow. */
export type CallScenario = 'meeting' | 'groupCall' | 'peerToPeer' | 'incoming';

/** How the app joined a meeting (create-call `meetingInfo` variants, BEHAVIOR.md §4). */
export type MeetingJoinMethod = 'joinMeetingId' | 'organizerMeetingInfo' | 'tokenMeetingInfo';

/** One app's leg of a call: what GET /communications/calls/{id} shows. */
export interface Call {
  id: string;
  /** The app that owns this leg (token `appid`); other apps cannot see it. */
  appId: string;
  /** Tenant the call belongs to (the meeting's tenant, or the caller's for incoming calls). */
  tenantId: string;
  direction: 'incoming' | 'outgoing';
  scenario: CallScenario;
  state: CallState;
  /** serviceHostedMediaConfig → 'service', appHostedMediaConfig → 'app'. */
  mediaHosting: 'service' | 'app';
  /** Where notifications for this call go (https, or http on loopback by policy). */
  callbackUri: string;
  callChainId: string;
  /** The roster this leg is part of; absent for a ringing incoming call. */
  conferenceId?: string;
  /** This leg's participant id in the conference. */
  myParticipantId?: string;
  /** The caller (incoming) or the app itself (outgoing). */
  source: Identity;
  targets: Identity[];
  requestedModalities: Modality[];
  /** The permission that authorized the call when it was created, joined or answered. */
  grantedBy: string;
  /** True when the app joined with Calls.JoinGroupCallAsGuest.All. */
  joinedAsGuest: boolean;
  /** The Graph version the call was created in (shapes its notifications). */
  apiVersion: 'v1.0' | 'beta';
  /** Notify content sharing sessions (callOptions.isContentSharingNotificationEnabled). */
  contentSharingNotifications: boolean;
  /**
   * Request properties Graph echoes back verbatim on the call resource (mediaConfig, chatInfo,
   * meetingInfo, callOptions, subject, …): data, never interpreted by the domain.
   */
  echo: Record<string, unknown>;
  resultInfo?: ResultInfo;
  createdAt: number;
  stateChangedAt: number;
  /** Last successful keepAlive (or creation): the 45-minute inactivity rule counts from here. */
  lastKeepAliveAt: number;
  /** Incoming calls must be answered, rejected or redirected before this time. */
  answerDeadline?: number;
  /** World meeting id, for meeting joins (debugging and the control API). */
  meetingId?: string;
  /** Where a redirected incoming call was sent (redirect `targets`). */
  redirectTargets?: Identity[];
  /** Why an incoming call was rejected (reject `reason`). */
  rejectReason?: 'none' | 'busy' | 'forbidden';
}

export type ConferenceKind = 'meeting' | 'groupCall' | 'peerToPeer';

/** One entry of a roster: a simulated person or an app's call leg. */
export interface Participant {
  id: string;
  kind: 'person' | 'app';
  identity: Identity;
  /** For app legs: the call id of that leg. */
  callId?: string;
  isMuted: boolean;
  isInLobby: boolean;
  audio: MediaDirection;
  video: MediaDirection;
  screenSharing: MediaDirection;
  /** Server mute by another participant (mediaStream.serverMuted of the audio stream). */
  serverMuted: boolean;
  joinedAt: number;
  /** Roster version in which this entry last changed. */
  rosterSequenceNumber: number;
}

/**
 * A meeting's or group call's single roster, shared by every app leg in it (each app sees the
 * same participant ids). Peer-to-peer calls have a two-party conference that is never notified.
 */
export interface Conference {
  id: string;
  kind: ConferenceKind;
  tenantId: string;
  /** World meeting id, for meetings. */
  meetingId?: string;
  state: 'active' | 'ended';
  participants: Participant[];
  /** Grows by one for every roster change. */
  rosterSequence: number;
  createdAt: number;
}

/** What transitions emit; services turn them into notifications, timers and logs. */
export type CallEvent =
  | { type: 'call:created'; call: Call }
  | { type: 'call:stateChanged'; call: Call }
  | { type: 'call:deleted'; call: Call }
  | { type: 'roster:updated'; conference: Conference; participants: Participant[] }
  | { type: 'roster:removed'; conference: Conference; participants: Participant[] };

export interface Transition<T> {
  value: T;
  events: CallEvent[];
}
