import { meetingToken } from '../domain/calls/meeting-token.js';
import type { Tone } from '../domain/calls/media-queue.js';
import type { Call, ContentSharingSession, Participant } from '../domain/calls/types.js';
import { DomainError } from '../domain/errors/index.js';
import { callContext, type CallContext, type CallServiceDeps } from './call-context.js';
import { CALL_KINDS } from './call-unit.js';
import { callApp, hangUp } from './people/call-app.js';
import { inviteApp } from './people/invite-app.js';
import { endMeeting } from './people/end-meeting.js';
import { joinCrowd, type CrowdJoined } from './people/join-crowd.js';
import { conferenceParticipant, joinMeeting, meetingRoster } from './people/join-meeting.js';
import type { MeetingRoster, PersonJoin, PersonJoined } from './people/people-types.js';
import { currentDominantSpeaker, dominantSpeaker, hold, resumeHeld, setVideo, type DominantSpeaker } from './people/media-actions.js';
import { answerPeerCall, declinePeerCall } from './people/peer-ring.js';
import { admit, deny, leave, remove, setMuted } from './people/roster-actions.js';
import { shareScreen, stopScreenSharing } from './people/share-screen.js';
import { pressKeys, pressKeysOnCall, type KeysPressed } from './media/press-keys.js';
import { storedCall } from './use-cases/read-calls.js';

export type { MeetingRoster, PersonJoin, PersonJoined } from './people/people-types.js';
export type { DominantSpeaker } from './people/media-actions.js';
export type { CrowdJoined } from './people/join-crowd.js';

/**
 * Simulated people, driven by the control API, the CLI and scenarios: they join and leave
 * meetings (as users, guests, anonymous or phone callers), wait in the lobby, mute themselves,
 * turn their camera on and off, hold, talk, share screens, press keys, call apps, hang up, and
 * answer or decline apps' calls (docs/people.md). Each action is one store transaction that
 * notifies the app legs concerned, exactly like the Graph-side use cases.
 */
export class PeopleService {
  private readonly ctx: CallContext;

  constructor(deps: CallServiceDeps) {
    this.ctx = callContext(deps);
  }

  /** A user, guest, anonymous or phone caller joins; `muted`/`video` override the person's own flags. */
  joinMeeting(meetingId: string, person: PersonJoin, muted?: boolean, video?: boolean): Promise<PersonJoined> {
    return joinMeeting(this.ctx, meetingId, { ...person, ...(muted === undefined ? {} : { muted }), ...(video === undefined ? {} : { video }) });
  }

  /** `count` guests join in one roster version (seeding large meetings; see people/join-crowd.ts). */
  joinCrowd(meetingId: string, count: number, prefix = 'Crowd guest'): Promise<CrowdJoined> {
    return joinCrowd(this.ctx, meetingId, count, prefix);
  }

  roster(meetingId: string): Promise<MeetingRoster> {
    return meetingRoster(this.ctx, meetingId);
  }

  participant(conferenceId: string, participantId: string): Promise<Participant> {
    return conferenceParticipant(this.ctx, conferenceId, participantId);
  }

  leave(conferenceId: string, participantId: string): Promise<void> {
    return leave(this.ctx, conferenceId, participantId);
  }

  mute(conferenceId: string, participantId: string): Promise<Participant> {
    return setMuted(this.ctx, conferenceId, participantId, true);
  }

  unmute(conferenceId: string, participantId: string): Promise<Participant> {
    return setMuted(this.ctx, conferenceId, participantId, false);
  }

  /** As the organizer. */
  admit(conferenceId: string, participantId: string): Promise<Participant> {
    return admit(this.ctx, conferenceId, participantId);
  }

  /** As the organizer: someone waiting in the lobby is turned away (roster `deleted`). */
  deny(conferenceId: string, participantId: string): Promise<void> {
    return deny(this.ctx, conferenceId, participantId);
  }

  /** Camera on (video sendReceive) or off (receiveOnly). */
  setVideo(conferenceId: string, participantId: string, on: boolean): Promise<Participant> {
    return setVideo(this.ctx, conferenceId, participantId, on);
  }

  /** The person puts the call on hold: their streams go inactive. */
  hold(conferenceId: string, participantId: string): Promise<Participant> {
    return hold(this.ctx, conferenceId, participantId);
  }

  resumeHeld(conferenceId: string, participantId: string): Promise<Participant> {
    return resumeHeld(this.ctx, conferenceId, participantId);
  }

  /** The person dominates the conversation (undefined: nobody); Graph notifies nothing for it. */
  setDominantSpeaker(conferenceId: string, participantId: string | undefined): Promise<DominantSpeaker> {
    return dominantSpeaker(this.ctx, conferenceId, participantId);
  }

  dominantSpeaker(conferenceId: string): Promise<DominantSpeaker> {
    return currentDominantSpeaker(this.ctx, conferenceId);
  }

  shareScreen(conferenceId: string, participantId: string): Promise<ContentSharingSession> {
    return shareScreen(this.ctx, conferenceId, participantId);
  }

  stopSharing(conferenceId: string, participantId: string): Promise<void> {
    return stopScreenSharing(this.ctx, conferenceId, participantId);
  }

  /** Keypad presses in a meeting or group call (legs subscribed to tones hear them). */
  pressKeys(conferenceId: string, participantId: string, tones: Tone[]): Promise<KeysPressed> {
    return pressKeys(this.ctx, conferenceId, participantId, tones);
  }

  /** Keypad presses by the person on the other end of a peer-to-peer call. */
  pressKeysOnCall(callId: string, tones: Tone[]): Promise<KeysPressed> {
    return pressKeysOnCall(this.ctx, callId, tones);
  }

  /** As the organizer; removing an app's leg ends its call (200/5300). */
  remove(conferenceId: string, participantId: string): Promise<void> {
    return remove(this.ctx, conferenceId, participantId);
  }

  /** As the organizer: every app leg ends (200/5003). */
  endMeeting(meetingId: string): Promise<void> {
    return endMeeting(this.ctx, meetingId);
  }

  /** A user calls an app peer to peer; returns the app's incoming leg. */
  callApp(userId: string, appId: string): Promise<Call> {
    return callApp(this.ctx, userId, appId);
  }

  /**
   * A phone (PSTN) caller dials an app peer to peer: the incoming call's source is
   * `identity.phone` with the E.164 number; hang-up and key presses work as for users.
   */
  callAppFromPhone(number: string, appId: string, displayName?: string): Promise<Call> {
    return callApp(this.ctx, { phone: { number, ...(displayName ? { displayName } : {}) } }, appId);
  }

  /** A person in a meeting or group call invites an app (incoming call with the conversation's chat and meeting info). */
  inviteApp(conferenceId: string, participantId: string, appId: string): Promise<Call> {
    return inviteApp(this.ctx, conferenceId, participantId, appId);
  }

  /** The person on the other end of a peer-to-peer call hangs up. */
  hangUp(callId: string): Promise<void> {
    return hangUp(this.ctx, callId);
  }

  /** The user an app calls (answerMode manual or noAnswer) answers: the app's call is established. */
  answerCall(callId: string): Promise<Call> {
    return answerPeerCall(this.ctx, callId);
  }

  /** The user an app calls declines: the app's call ends (480/10076). */
  declineCall(callId: string): Promise<void> {
    return declinePeerCall(this.ctx, callId);
  }

  /** Every app leg, ended ones included until they are purged (for debugging). */
  async listCalls(): Promise<Call[]> {
    return (await this.ctx.store.docs.list<Call>(CALL_KINDS.call)).map((doc) => doc.data);
  }

  async getCall(callId: string): Promise<Call> {
    const call = await storedCall(this.ctx, callId);
    if (!call) throw new DomainError('callNotFound');
    return call;
  }

  /** A `tokenMeetingInfo.token` for the meeting (see domain/calls/meeting-token.ts). */
  async meetingToken(meetingId: string): Promise<string> {
    if (!(await this.ctx.world.meeting(meetingId))) throw new DomainError('meetingNotFound', { meetingId });
    return meetingToken(meetingId);
  }
}
