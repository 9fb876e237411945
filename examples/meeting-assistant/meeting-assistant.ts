import type { Bot, TrackedCall, V1 } from '@switchboard/calling-bot';
import type { AssistantConfig } from './config.js';
import type { Journal } from './journal.js';
import { LateJoiners } from './late-joiners.js';
import { isApp, People, personOf, type Person } from './people.js';
import { RecordingStatus } from './recording.js';

/** Keypad commands (the key after `*`): Graph does not say who pressed a key, so each names its target another way. */
const KEY_COMMANDS: Record<string, 'muteLastUnmuted' | 'admitLateJoiner'> = { tone6: 'muteLastUnmuted', tone1: 'admitLateJoiner' };

/**
 * The assistant's behaviour in one meeting, driven by the SDK tracker's events: who is present,
 * late joiners held apart, recording reported, screen sharing noticed, mutes on request.
 */
export class MeetingAssistant {
  readonly people = new People();
  readonly late: LateJoiners;
  readonly recording: RecordingStatus;
  assistantParticipantId: string | undefined;
  private establishedAt: number | undefined;
  private lastTone: string | undefined;
  readonly ended: Promise<void>;
  private end!: () => void;

  constructor(
    private readonly bot: Bot,
    readonly callId: string,
    private readonly config: AssistantConfig,
    readonly journal: Journal,
  ) {
    this.late = new LateJoiners(bot, callId, () => this.assistantParticipantId, journal);
    this.recording = new RecordingStatus(bot, callId, journal);
    this.ended = new Promise((resolve) => (this.end = resolve));
  }

  /** Subscribes to the tracker, then catches up on what it heard before (notifications can beat the create-call answer). */
  listen(): void {
    const { tracker } = this.bot;
    const mine = (call: TrackedCall): boolean => call.id === this.callId;
    tracker.on('call-state', (call) => {
      if (mine(call)) this.onState(call.state);
    });
    for (const kind of ['participant-joined', 'participant-updated'] as const) {
      tracker.on(kind, (call, participant) => {
        if (mine(call)) this.onRoster(participant);
      });
    }
    tracker.on('participant-left', (call, participant) => {
      if (mine(call)) this.onLeft(participant);
    });
    tracker.on('content-sharing', (call, event) => {
      if (mine(call)) this.onContentSharing(event.changeType, event.sessions.length);
    });
    tracker.on('tone', (call, tone) => {
      if (mine(call)) this.onTone(tone);
    });
    this.catchUp(tracker.get(this.callId));
  }

  private catchUp(call: TrackedCall | undefined): void {
    if (!call) return;
    if (call.state === 'established' || call.state === 'terminated') this.onState(call.state);
    for (const participant of call.participants.values()) this.onRoster(participant);
  }

  /** Server-mutes a present person (participant-mute); there is no remote unmute in Graph. */
  async mute(name: string): Promise<Person> {
    const person = this.people.byName(name);
    if (!person) throw new Error(`nobody called "${name}" is in the meeting`);
    await this.bot.call(this.callId).participant(person.id).mute();
    this.journal.add('muted', `muted ${person.name} on request`, person.name);
    return person;
  }

  /** Admits a late joiner (by name, or whoever is on hold). */
  admit(name?: string): Promise<Person | undefined> {
    return this.late.admit(name);
  }

  private onState(state: string | undefined): void {
    if (state === 'established' && this.establishedAt === undefined) {
      this.establishedAt = Date.now();
      this.journal.add('joined-meeting', `in the meeting (call ${this.callId})`);
      this.background(this.bot.call(this.callId).subscribeToTone().then(() => undefined));
      this.background(this.recording.start());
    }
    if (state === 'terminated') {
      this.journal.add('meeting-ended', `the call ended; ${this.people.present.size} people were still present`);
      this.end();
    }
  }

  private onRoster(participant: V1.Participant): void {
    if (isApp(participant, this.config.appId)) return void (this.assistantParticipantId = participant.id ?? undefined);
    const person = personOf(participant);
    const before = this.people.update(person);
    if (!before) this.arrived(person);
    else this.changed(before, person);
  }

  private arrived(person: Person): void {
    this.journal.add('present', `${person.name} joined${person.inLobby ? ' (waiting in the lobby)' : ''}; present: ${this.presentNames()}`, person.name);
    this.background(this.recording.start());
    if (person.sharing) this.journal.add('sharing-started', `${person.name} is sharing a screen`, person.name);
    if (!person.inLobby && this.isLate()) this.late.hold(person);
  }

  private changed(before: Person, person: Person): void {
    if (before.inLobby && !person.inLobby) {
      this.journal.add('present', `${person.name} was let in from the lobby`, person.name);
      this.late.hold(person);
    }
    if (!before.sharing && person.sharing) this.journal.add('sharing-started', `${person.name} is sharing a screen`, person.name);
    if (before.sharing && !person.sharing) this.journal.add('sharing-stopped', `${person.name} stopped sharing`, person.name);
  }

  private onLeft(participant: V1.Participant): void {
    const person = this.people.remove(participant.id ?? '');
    if (!person) return;
    this.late.forget(person.id);
    this.journal.add('left', `${person.name} left; present: ${this.presentNames()}`, person.name);
  }

  private onContentSharing(changeType: string, sessions: number): void {
    const what = changeType === 'deleted' ? 'ended' : changeType === 'created' ? 'started' : 'changed';
    this.journal.add(changeType === 'deleted' ? 'sharing-stopped' : 'sharing-started', `content sharing ${what} (${sessions} session(s) in the notification)`);
  }

  private onTone(tone: string): void {
    const command = this.lastTone === 'star' ? KEY_COMMANDS[tone] : undefined;
    this.lastTone = tone;
    if (command === 'muteLastUnmuted') this.background(this.muteLastUnmuted());
    if (command === 'admitLateJoiner') this.background(this.admit().then(() => undefined));
  }

  private async muteLastUnmuted(): Promise<void> {
    const person = this.people.present.get(this.people.lastUnmutedId ?? '');
    if (!person) return this.journal.add('problem', '*6 pressed but nobody unmuted since the assistant joined');
    await this.mute(person.name);
  }

  /** Late: let in from the lobby (handled in changed()), or arriving long after the assistant did. */
  private isLate(): boolean {
    return this.establishedAt !== undefined && Date.now() - this.establishedAt > this.config.lateAfterMs;
  }

  private presentNames(): string {
    return [...this.people.present.values()].filter((p) => !p.inLobby).map((p) => p.name).join(', ') || 'nobody';
  }

  private background(work: Promise<void>): void {
    work.catch((error: unknown) => this.journal.add('problem', String(error)));
  }
}
