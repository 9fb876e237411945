import { meetingToken } from '../domain/calls/meeting-token.js';
import type { Call, Participant } from '../domain/calls/types.js';
import { DomainError } from '../domain/errors/index.js';
import { callContext, type CallContext, type CallServiceDeps } from './call-context.js';
import { CALL_KINDS } from './call-unit.js';
import { callApp, hangUp } from './people/call-app.js';
import { inviteApp } from './people/invite-app.js';
import { endMeeting } from './people/end-meeting.js';
import { conferenceParticipant, joinMeeting, meetingRoster } from './people/join-meeting.js';
import type { MeetingRoster, PersonJoin, PersonJoined } from './people/people-types.js';
import { admit, leave, remove, setMuted } from './people/roster-actions.js';
import { storedCall } from './use-cases/read-calls.js';

export type { MeetingRoster, PersonJoin, PersonJoined } from './people/people-types.js';

/**
 * Simulated people, driven by the control API and the CLI: they join and leave meetings, mute
 * themselves, wait in the lobby, call apps and hang up. Each action is one store transaction that
 * notifies the app legs concerned, exactly like the Graph-side use cases.
 */
export class PeopleService {
  private readonly ctx: CallContext;

  constructor(deps: CallServiceDeps) {
    this.ctx = callContext(deps);
  }

  joinMeeting(meetingId: string, person: PersonJoin): Promise<PersonJoined> {
    return joinMeeting(this.ctx, meetingId, person);
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

  /** The person on the other end of a peer-to-peer call hangs up. */
  /** A person in a meeting or group call invites an app (incoming call with the conversation's chat and meeting info). */
  inviteApp(conferenceId: string, participantId: string, appId: string): Promise<Call> {
    return inviteApp(this.ctx, conferenceId, participantId, appId);
  }

  hangUp(callId: string): Promise<void> {
    return hangUp(this.ctx, callId);
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
