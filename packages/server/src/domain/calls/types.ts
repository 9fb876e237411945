/**
 * Domain types of the calling API: a bot's call leg, the conference (roster) it sits in, and the
 * events transitions emit. No wire shapes here: http/ and wire/ map these to Graph JSON.
 * Times are epoch milliseconds of the injected (possibly scaled) clock.
 */
import type { AudioRoutingGroup } from './audio-routing.js';
import type { HoldMusic } from './hold-music.js';
import type { MediaQueue, ToneSubscription } from './media-queue.js';

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

/**
 * Who someone is: one member of a Graph identitySet. `applicationInstance` is an app's resource
 * account, the source of its calls to phone numbers (application-post-calls PSTN examples).
 */
export interface Identity {
  kind: 'user' | 'application' | 'applicationInstance' | 'guest' | 'phone';
  id: string;
  displayName?: string;
  tenantId?: string;
  /**
   * Open member of an application identity that marks a platform participant, e.g.
   * `LargeGallery-V2` (concept page cloud-communications-identifylargegalleryview).
   */
  applicationType?: string;
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
  /** Who a transfer in progress goes to (call-transfer `transferTarget`). */
  transferTarget?: Identity;
  /** The leg's audio routing groups (call-post-audioroutinggroups); they end with the call. */
  audioRoutingGroups?: AudioRoutingGroup[];
  /** playPrompt / recordResponse operations in their FIFO queue (media-queue.ts); absent until the first. */
  mediaQueue?: MediaQueue;
  /** Present once the leg called subscribeToTone: keypad presses reach it as `updated` call notifications. */
  tones?: ToneSubscription;
  /** An app's peer-to-peer call while the user it calls has not answered (domain/calls/peer-ring.ts). */
  peerRing?: PeerRing;
}

/** The ringing of a user an app called: answered, or still ringing until `deadline`. */
export interface PeerRing {
  deadline: number;
  answered: boolean;
}

export type ConferenceKind = 'meeting' | 'groupCall' | 'peerToPeer';

/** Graph `recordingStatus` as an app reports it with updateRecordingStatus. */
export type RecordingStatus = 'notRecording' | 'recording' | 'failed';

/** Graph `recordingInfo` of a participant: who records and how it goes. */
export interface RecordingInfo {
  initiator: Identity;
  status: RecordingStatus;
}

/**
 * A person invited with participants/invite who has not answered yet (participant-invite). The
 * entry is in the roster from the invite on; DELETE participant on it cancels the invitation.
 */
export interface ParticipantInvitation {
  /** The inviteParticipantsOperation that completes when they join. */
  operationId: string;
  /** The app leg that invited them. */
  callId: string;
  invitedAt: number;
}

/**
 * One entry of a roster: a simulated person, an app's call leg, or a `virtual` participant the
 * platform adds for an app leg (the large gallery view), which leaves with that leg.
 */
export interface Participant {
  id: string;
  kind: 'person' | 'app' | 'virtual';
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
  /** Graph `participant.metadata`: an opaque string (a JSON document for the large gallery view). */
  metadata?: string;
  /** Set once an app reported a recording status for its own leg (updateRecordingStatus). */
  recordingInfo?: RecordingInfo;
  /** Present while an invited person has not joined yet; absent for everyone who is in the call. */
  invitation?: ParticipantInvitation;
  /** For `virtual` participants: the app leg they were added for. */
  ownerCallId?: string;
  /** Present while an app leg holds this participant (participant-startholdmusic). */
  holdMusic?: HoldMusic;
  /** Present while the person put their own call on hold: the directions to restore (domain/calls/person-media.ts). */
  held?: HeldMedia;
}

/** A person's media directions before they put their call on hold. */
export interface HeldMedia {
  audio: MediaDirection;
  video: MediaDirection;
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
  /** Screens people share right now (GET …/contentSharingSessions); absent when none ever did. */
  contentSharingSessions?: ContentSharingSession[];
  /** The participant whose audio dominates right now (set by a simulated person; domain/calls/person-media.ts). */
  dominantSpeakerId?: string;
}

/** Graph `operationStatus` (emitted lowercase, BEHAVIOR.md §6). */
export type OperationStatus = 'notStarted' | 'running' | 'completed' | 'failed';

/**
 * A `commsOperation` (or subtype) returned by an action and, unless it was already final in the
 * response, finished later with a `deleted` notification on its URL (BEHAVIOR.md §6).
 */
export interface Operation {
  id: string;
  /** The app leg the action was called on. */
  callId: string;
  /** Graph type name without namespace, e.g. `muteParticipantOperation`. */
  type: string;
  status: OperationStatus;
  /** Echoed as sent (≤ 256 characters). */
  clientContext?: string;
  resultInfo?: ResultInfo;
  createdAt: number;
  finishedAt?: number;
  /** Type-specific properties (e.g. `participantId` of addLargeGalleryViewOperation), as Graph names them. */
  extra: Record<string, unknown>;
}

/** A screen a person shares in a conference (contentSharingSession: only `id` on the wire). */
export interface ContentSharingSession {
  id: string;
  /** The sharing participant. */
  participantId: string;
  startedAt: number;
}

/** What transitions emit; services turn them into notifications, timers and logs. */
export type CallEvent =
  | { type: 'call:created'; call: Call }
  | { type: 'call:stateChanged'; call: Call }
  | { type: 'call:deleted'; call: Call }
  | { type: 'roster:updated'; conference: Conference; participants: Participant[] }
  | { type: 'roster:removed'; conference: Conference; participants: Participant[] }
  /** An operation reached completed/failed after its response said running: `deleted` on its URL. */
  | { type: 'operation:finished'; call: Call; operation: Operation }
  /** Sessions started, changed or ended: only legs with content sharing notifications enabled hear it. */
  /** A keypad press heard by a leg subscribed to tones (call-subscribetotone): `updated` with toneInfo. */
  | { type: 'call:tone'; call: Call; tone: string; sequenceId: number }
  | { type: 'contentSharing:changed'; conference: Conference; changeType: 'created' | 'updated' | 'deleted'; sessions: ContentSharingSession[] };

export interface Transition<T> {
  value: T;
  events: CallEvent[];
}
