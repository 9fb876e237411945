import type { MeetingRoster, PersonJoin, PersonJoined } from '../calls/people/people-types.js';
import type { Tone } from '../domain/calls/media-queue.js';
import type { Call, Participant } from '../domain/calls/types.js';
import type { WaitableClock } from '../domain/clock.js';

/**
 * What a scenario drives: the simulated-people facade and the clock. The optional members are
 * people actions that arrive with the richer people model (issue 6); a step whose member is
 * missing fails with scenarioActionUnavailable instead of breaking the run.
 */
export interface ScenarioPeople {
  joinMeeting(meetingId: string, person: PersonJoin): Promise<PersonJoined>;
  roster(meetingId: string): Promise<MeetingRoster>;
  participant(conferenceId: string, participantId: string): Promise<Participant>;
  leave(conferenceId: string, participantId: string): Promise<void>;
  mute(conferenceId: string, participantId: string): Promise<unknown>;
  unmute(conferenceId: string, participantId: string): Promise<unknown>;
  admit(conferenceId: string, participantId: string): Promise<unknown>;
  remove(conferenceId: string, participantId: string): Promise<void>;
  endMeeting(meetingId: string): Promise<void>;
  callApp(userId: string, appId: string): Promise<Call>;
  hangUp(callId: string): Promise<void>;
  getCall(callId: string): Promise<Call>;
  listCalls(): Promise<Call[]>;
  deny?(conferenceId: string, participantId: string): Promise<unknown>;
  setVideo?(conferenceId: string, participantId: string, on: boolean): Promise<unknown>;
  hold?(conferenceId: string, participantId: string): Promise<unknown>;
  resumeHeld?(conferenceId: string, participantId: string): Promise<unknown>;
  setDominantSpeaker?(conferenceId: string, participantId: string): Promise<unknown>;
  shareScreen?(conferenceId: string, participantId: string): Promise<unknown>;
  stopSharing?(conferenceId: string, participantId: string): Promise<unknown>;
  pressKeys?(conferenceId: string, participantId: string, tones: Tone[]): Promise<unknown>;
  answerCall?(callId: string): Promise<unknown>;
  declineCall?(callId: string): Promise<unknown>;
  callAppFromPhone?(number: string, appId: string): Promise<Call>;
}

/** Earlier homes of sharing and keypad presses, used while the people facade lacks them. */
export interface ScenarioFallbacks {
  shareScreen(conferenceId: string, participantId: string): Promise<unknown>;
  stopScreenSharing(conferenceId: string, participantId: string): Promise<unknown>;
  pressKeys(conferenceId: string, participantId: string, tones: Tone[]): Promise<unknown>;
  pressKeysOnCall(callId: string, tones: Tone[]): Promise<unknown>;
}

export interface ScenarioServices {
  people: ScenarioPeople;
  fallbacks: ScenarioFallbacks;
  time: WaitableClock;
}
