import { DomainError } from '../domain/errors/index.js';

/** Where a person of the run currently is: their roster entry and/or their peer-to-peer call. */
export interface Whereabouts {
  meetingId?: string;
  conferenceId?: string;
  participantId?: string;
  callId?: string;
}

/** The run's memory of what its people did, keyed by scenario person name. */
export class RunState {
  private readonly people = new Map<string, Whereabouts>();

  get(person: string): Whereabouts {
    return this.people.get(person) ?? {};
  }

  set(person: string, update: Whereabouts): void {
    this.people.set(person, { ...this.get(person), ...update });
  }

  forget(person: string): void {
    this.people.delete(person);
  }

  forgetSeat(person: string): void {
    const { callId } = this.get(person);
    this.people.set(person, callId === undefined ? {} : { callId });
  }

  /** The person's roster entry; a step on someone who has not joined fails clearly. */
  seat(person: string): [string, string] {
    const { conferenceId, participantId } = this.get(person);
    if (conferenceId === undefined || participantId === undefined) throw new DomainError('scenarioPersonAbsent', { person, where: 'in a meeting or call', how: 'join or callApp' });
    return [conferenceId, participantId];
  }

  call(person: string): string {
    const { callId } = this.get(person);
    if (callId === undefined) throw new DomainError('scenarioPersonAbsent', { person, where: 'on a call', how: 'callApp (or be called by the app)' });
    return callId;
  }
}
