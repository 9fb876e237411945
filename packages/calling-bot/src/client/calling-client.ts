import type { GraphVersion } from '../graph-types.js';
import { AudioRoutingGroupsApi, ContentSharingSessionsApi } from './call-resources-api.js';
import { CallsApi } from './calls-api.js';
import { ParticipantsApi } from './participants-api.js';
import { GraphTransport, type TransportOptions } from './transport.js';

/**
 * A typed client for every method of the Graph calling API, for one Graph version.
 *
 * @example
 * const client = new CallingClient({ token, baseUrl: 'https://localhost:8443' });
 * const call = await client.calls.create({ callbackUri, requestedModalities: ['audio'], mediaConfig, targets });
 * await client.participants(call.id!).startHoldMusic(participantId);
 */
export class CallingClient<V extends GraphVersion = 'v1.0'> {
  /** The Graph version in every URL and type. */
  readonly version: V;
  /** Call-level methods (create/get/delete and every call action). */
  readonly calls: CallsApi<V>;
  private readonly transport: GraphTransport<V>;

  constructor(options: TransportOptions<V>) {
    this.transport = new GraphTransport(options);
    this.version = this.transport.version;
    this.calls = new CallsApi(this.transport);
  }

  /** The roster methods of one call. */
  participants(callId: string): ParticipantsApi<V> {
    return new ParticipantsApi(this.transport, callId);
  }

  /** The audio routing groups of one call. */
  audioRoutingGroups(callId: string): AudioRoutingGroupsApi<V> {
    return new AudioRoutingGroupsApi(this.transport, callId);
  }

  /** The content sharing sessions of one call. */
  contentSharingSessions(callId: string): ContentSharingSessionsApi<V> {
    return new ContentSharingSessionsApi(this.transport, callId);
  }
}
