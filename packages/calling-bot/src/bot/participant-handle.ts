import type { StartHoldMusicParams, WithClientContext } from '../client/action-params.js';
import type { CallingClient } from '../client/calling-client.js';
import type { GraphVersion, Model } from '../graph-types.js';
import type { CompletedOperation } from '../operations/operation-waiter.js';
import type { AwaitOptions, Awaiter } from './awaiter.js';

/** One participant of a call, with awaitable actions. */
export class ParticipantHandle<V extends GraphVersion = 'v1.0'> {
  constructor(
    private readonly client: CallingClient<V>,
    private readonly awaiter: Awaiter,
    /** The call id. */
    readonly callId: string,
    /** The participant id. */
    readonly id: string,
    private readonly current: () => Model<V, 'Participant'> | undefined,
  ) {}

  /** The latest roster entry for this participant, if the tracker has one. */
  get info(): Model<V, 'Participant'> | undefined {
    return this.current();
  }

  /** Puts the participant on hold; resolves when Graph reports the operation completed. */
  startHoldMusic(params: StartHoldMusicParams<V> = {}, options?: AwaitOptions): Promise<CompletedOperation> {
    return this.awaiter.run(params, (p) => this.client.participants(this.callId).startHoldMusic(this.id, p), options);
  }

  /** Takes the participant off hold; resolves when Graph reports the operation completed. */
  stopHoldMusic(params: WithClientContext = {}, options?: AwaitOptions): Promise<CompletedOperation> {
    return this.awaiter.run(params, (p) => this.client.participants(this.callId).stopHoldMusic(this.id, p), options);
  }

  /** Server-mutes the participant; resolves when the operation completed. */
  mute(params: WithClientContext = {}, options?: AwaitOptions): Promise<CompletedOperation> {
    return this.awaiter.run(params, (p) => this.client.participants(this.callId).mute(this.id, p), options);
  }

  /** Removes the participant from the call (or cancels their invite). */
  remove(): Promise<void> {
    return this.client.participants(this.callId).delete(this.id);
  }
}
