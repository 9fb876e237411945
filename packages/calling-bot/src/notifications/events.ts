import type { GraphVersion, Model } from '../graph-types.js';

/** What every event carries: the call it concerns and the raw item it came from. */
interface EventBase {
  /** The call id from the notification's `resourceUrl`. */
  callId: string;
  /** The `commsNotification` item as received. */
  notification: RawNotification;
}

/** One `commsNotification` item as it arrives (open type: Graph adds members freely). */
export interface RawNotification {
  '@odata.type'?: string;
  changeType?: string;
  resourceUrl?: string;
  resource?: string;
  callbackUri?: string;
  resourceData?: unknown;
  [extra: string]: unknown;
}

/** `created` on a call: Graph offers the bot a call (answer, reject or redirect it within 15 s). */
export interface IncomingCallEvent<V extends GraphVersion = 'v1.0'> extends EventBase {
  kind: 'incomingCall';
  call: Model<V, 'Call'>;
}

/** `updated` on a call: a (partial) call, usually a new `state`. */
export interface CallStateChangedEvent<V extends GraphVersion = 'v1.0'> extends EventBase {
  kind: 'callStateChanged';
  call: Model<V, 'Call'>;
  state?: Model<V, 'CallState'>;
}

/** `deleted` on a call: the call ended (`resultInfo` says why). */
export interface CallTerminatedEvent<V extends GraphVersion = 'v1.0'> extends EventBase {
  kind: 'callTerminated';
  call: Model<V, 'Call'>;
}

/** A call update carrying `toneInfo`: one DTMF key press after subscribeToTone. */
export interface ToneReceivedEvent<V extends GraphVersion = 'v1.0'> extends EventBase {
  kind: 'toneReceived';
  call: Model<V, 'Call'>;
  /** e.g. `tone1`, `pound`. */
  tone: string;
  /** Graph's per-call sequence number of the key press, when given. */
  sequenceId?: number;
}

/** A roster notification on `…/participants`: changed entries, and entries that left. */
export interface RosterUpdatedEvent<V extends GraphVersion = 'v1.0'> extends EventBase {
  kind: 'rosterUpdated';
  /** Current entries of joined or changed participants. */
  updated: Model<V, 'Participant'>[];
  /** Participants that left (`deleted` roster notifications, or entries with `removedState`). */
  removed: Model<V, 'Participant'>[];
}

/** A finished (or progressing) operation, from `deleted` on `…/operations/{id}`. */
export interface OperationEvent<V extends GraphVersion = 'v1.0'> extends EventBase {
  kind: 'operationCompleted' | 'operationFailed' | 'operationUpdated';
  operationId?: string;
  /** The operation type without namespace, e.g. `playPromptOperation`. */
  operationType: string;
  clientContext?: string;
  /** Lowercased status: `completed`, `failed`, `running`, `notstarted`. */
  status: string;
  operation: Model<V, 'CommsOperation'> & Record<string, unknown>;
}

/** Content sharing started (`created`), changed (`updated`) or ended (`deleted`). */
export interface ContentSharingUpdatedEvent<V extends GraphVersion = 'v1.0'> extends EventBase {
  kind: 'contentSharingUpdated';
  changeType: 'created' | 'updated' | 'deleted';
  sessions: Model<V, 'ContentSharingSession'>[];
}

/** A notification the parser does not recognise; kept so nothing is silently lost. */
export interface UnrecognizedEvent extends EventBase {
  kind: 'unrecognized';
}

/** Every typed event {@link parseNotifications} produces. */
export type CallingEvent<V extends GraphVersion = 'v1.0'> =
  | IncomingCallEvent<V>
  | CallStateChangedEvent<V>
  | CallTerminatedEvent<V>
  | ToneReceivedEvent<V>
  | RosterUpdatedEvent<V>
  | OperationEvent<V>
  | ContentSharingUpdatedEvent<V>
  | UnrecognizedEvent;

/** The `kind` of a {@link CallingEvent}. */
export type CallingEventKind = CallingEvent['kind'];
