import { EventEmitter } from 'node:events';
import type { GraphVersion, Model } from '../graph-types.js';
import type { CallingEvent, ContentSharingUpdatedEvent, RosterUpdatedEvent } from '../notifications/events.js';
import { isNewerState } from './state-order.js';
import { TrackedCall } from './tracked-call.js';

/** The events a {@link CallTracker} emits, with their listener arguments. */
export interface TrackerEvents<V extends GraphVersion = 'v1.0'> {
  'incoming-call': [call: TrackedCall<V>];
  'call-state': [call: TrackedCall<V>, previous: Model<V, 'CallState'> | undefined];
  'call-ended': [call: TrackedCall<V>];
  'participant-joined': [call: TrackedCall<V>, participant: Model<V, 'Participant'>];
  'participant-updated': [call: TrackedCall<V>, participant: Model<V, 'Participant'>];
  'participant-left': [call: TrackedCall<V>, participant: Model<V, 'Participant'>];
  tone: [call: TrackedCall<V>, tone: string, sequenceId: number | undefined];
  'content-sharing': [call: TrackedCall<V>, event: ContentSharingUpdatedEvent<V>];
}

/** Options of {@link CallTracker}. */
export interface CallTrackerOptions {
  /** Ended calls kept for inspection before the oldest are forgotten (default 1000). */
  maxEndedCalls?: number;
}

/**
 * Per-call state and roster, fed with parsed events. Stale states (from an earlier phase than the
 * current one), repeated states, repeated or older roster entries and repeated tones are dropped
 * silently, so listeners see each change once even though Graph may deliver notifications out of
 * order or more than once.
 */
export class CallTracker<V extends GraphVersion = 'v1.0'> extends EventEmitter<TrackerEvents<V>> {
  private readonly calls = new Map<string, TrackedCall<V>>();
  private readonly ended: string[] = [];

  constructor(private readonly options: CallTrackerOptions = {}) {
    super();
  }

  /** The tracked call, if any notification (or {@link CallTracker.track}) mentioned it. */
  get(callId: string): TrackedCall<V> | undefined {
    return this.calls.get(callId);
  }

  /** Every tracked call, ended ones included. */
  all(): TrackedCall<V>[] {
    return [...this.calls.values()];
  }

  /** Starts tracking a call the bot created (the create-call answer already shows `establishing`). */
  track(call: Model<V, 'Call'> & { id?: string }): TrackedCall<V> {
    const tracked = this.call(call.id ?? '');
    this.applyCall(tracked, call);
    return tracked;
  }

  /** Applies one parsed event. */
  apply(event: CallingEvent<V>): void {
    if (event.kind === 'unrecognized' || event.callId === '') return;
    const call = this.call(event.callId);
    if (event.kind === 'incomingCall') this.incoming(call, event.call);
    else if (event.kind === 'callStateChanged' || event.kind === 'callTerminated') this.applyCall(call, event.call);
    else if (event.kind === 'toneReceived') this.tone(call, event.call, event.tone, event.sequenceId);
    else if (event.kind === 'rosterUpdated') this.roster(call, event);
    else if (event.kind === 'contentSharingUpdated') this.emit('content-sharing', call, event);
  }

  private call(id: string): TrackedCall<V> {
    let call = this.calls.get(id);
    if (!call) this.calls.set(id, (call = new TrackedCall<V>(id)));
    return call;
  }

  private incoming(call: TrackedCall<V>, resource: Model<V, 'Call'>): void {
    const fresh = call.state === undefined;
    this.applyCall(call, resource);
    if (fresh) this.emit('incoming-call', call);
  }

  /** Merges a (partial) call and reports its state if it is news. */
  private applyCall(call: TrackedCall<V>, resource: Model<V, 'Call'>): void {
    const state = resource.state ?? undefined;
    if (state && !isNewerState(call.state, state)) return;
    call.resource = { ...call.resource, ...resource, id: call.id };
    if (!state) return;
    const previous = call.state;
    call.state = state;
    this.emit('call-state', call, previous);
    if (state === 'terminated') this.end(call);
  }

  private tone(call: TrackedCall<V>, resource: Model<V, 'Call'>, tone: string, sequenceId: number | undefined): void {
    if (sequenceId !== undefined && call.tonesSeen.has(sequenceId)) return;
    if (sequenceId !== undefined) call.tonesSeen.add(sequenceId);
    const { toneInfo: _tone, ...rest } = resource as Model<V, 'Call'> & { toneInfo?: unknown };
    this.applyCall(call, rest as Model<V, 'Call'>);
    this.emit('tone', call, tone, sequenceId);
  }

  private roster(call: TrackedCall<V>, event: RosterUpdatedEvent<V>): void {
    for (const entry of event.updated) {
      const change = call.roster.update(entry);
      if (change === 'joined') this.emit('participant-joined', call, entry);
      else if (change === 'updated') this.emit('participant-updated', call, entry);
    }
    for (const entry of event.removed) {
      const left = call.roster.remove(entry);
      if (left) this.emit('participant-left', call, left);
    }
  }

  private end(call: TrackedCall<V>): void {
    this.emit('call-ended', call);
    this.ended.push(call.id);
    const max = this.options.maxEndedCalls ?? 1000;
    while (this.ended.length > max) this.calls.delete(this.ended.shift() ?? '');
  }
}
