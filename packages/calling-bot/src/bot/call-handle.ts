import type {
  AnswerParams,
  InviteParams,
  PlayPromptParams,
  RecordResponseParams,
  RejectParams,
  SendDtmfTonesParams,
  TransferParams,
  WithClientContext,
} from '../client/action-params.js';
import type { CallingClient } from '../client/calling-client.js';
import type { GraphVersion, Model } from '../graph-types.js';
import type { CompletedOperation } from '../operations/operation-waiter.js';
import type { TrackedCall } from '../tracking/tracked-call.js';
import type { AwaitOptions, Awaiter } from './awaiter.js';
import { ParticipantHandle } from './participant-handle.js';

/** One call: its tracked state and roster, and its actions (operations are awaitable). */
export class CallHandle<V extends GraphVersion = 'v1.0'> {
  constructor(
    private readonly client: CallingClient<V>,
    private readonly awaiter: Awaiter,
    /** The Graph call id. */
    readonly id: string,
    private readonly tracked: () => TrackedCall<V> | undefined,
  ) {}

  /** The latest state reported by notifications (undefined before the first one). */
  get state(): Model<V, 'CallState'> | undefined {
    return this.tracked()?.state;
  }

  /** Current participants by id (empty for P2P calls, which get no roster). */
  get participants(): ReadonlyMap<string, Model<V, 'Participant'>> {
    return this.tracked()?.participants ?? new Map();
  }

  /** A participant of this call. */
  participant(participantId: string): ParticipantHandle<V> {
    return new ParticipantHandle(this.client, this.awaiter, this.id, participantId, () => this.participants.get(participantId));
  }

  /** Answers the incoming call (within 15 s of the notification). */
  answer(params: AnswerParams<V>): Promise<void> {
    return this.client.calls.answer(this.id, params);
  }

  /** Rejects the incoming call. */
  reject(params?: RejectParams<V>): Promise<void> {
    return this.client.calls.reject(this.id, params);
  }

  /** Transfers the established call. */
  transfer(params: TransferParams<V>): Promise<void> {
    return this.client.calls.transfer(this.id, params);
  }

  /** Hangs up the bot's leg. */
  hangUp(): Promise<void> {
    return this.client.calls.delete(this.id);
  }

  /** Keeps the call alive (needed at least every 45 minutes). */
  keepAlive(): Promise<void> {
    return this.client.calls.keepAlive(this.id);
  }

  /** Plays prompts; resolves when Graph reports the prompt operation completed. */
  playPrompt(params: PlayPromptParams<V>, options?: AwaitOptions): Promise<CompletedOperation> {
    return this.awaiter.run(params, (p) => this.client.calls.playPrompt(this.id, p), options);
  }

  /** Records a response; resolves with the completed operation (`recordingLocation`, `recordingAccessToken`). */
  recordResponse(params: RecordResponseParams<V> = {}, options?: AwaitOptions): Promise<CompletedOperation> {
    return this.awaiter.run(params, (p) => this.client.calls.recordResponse(this.id, p), options);
  }

  /** Sends DTMF tones; resolves when they were sent. */
  sendDtmfTones(params: SendDtmfTonesParams<V>, options?: AwaitOptions): Promise<CompletedOperation> {
    return this.awaiter.run(params, (p) => this.client.calls.sendDtmfTones(this.id, p), options);
  }

  /** Subscribes to DTMF; key presses then arrive as `tone` events. */
  subscribeToTone(params: WithClientContext = {}, options?: AwaitOptions): Promise<CompletedOperation> {
    return this.awaiter.run(params, (p) => this.client.calls.subscribeToTone(this.id, p), options);
  }

  /** Cancels running and queued prompts and recordings. */
  cancelMediaProcessing(params: WithClientContext = {}, options?: AwaitOptions): Promise<CompletedOperation> {
    return this.awaiter.run(params, (p) => this.client.calls.cancelMediaProcessing(this.id, p), options);
  }

  /** Mutes the bot itself. */
  mute(params: WithClientContext = {}, options?: AwaitOptions): Promise<CompletedOperation> {
    return this.awaiter.run(params, (p) => this.client.calls.mute(this.id, p), options);
  }

  /** Unmutes the bot itself. */
  unmute(params: WithClientContext = {}, options?: AwaitOptions): Promise<CompletedOperation> {
    return this.awaiter.run(params, (p) => this.client.calls.unmute(this.id, p), options);
  }

  /** Invites participants; resolves when the invitation operation completed. */
  invite(params: InviteParams<V>, options?: AwaitOptions): Promise<CompletedOperation> {
    return this.awaiter.run(params, (p) => this.client.participants(this.id).invite(p), options);
  }

  /** Adds the large gallery view; resolves when the operation completed. */
  addLargeGalleryView(params: WithClientContext = {}, options?: AwaitOptions): Promise<CompletedOperation> {
    return this.awaiter.run(params, (p) => this.client.calls.addLargeGalleryView(this.id, p), options);
  }
}
