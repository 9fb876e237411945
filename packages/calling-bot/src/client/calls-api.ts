import type { GraphVersion, Model, V1Models } from '../graph-types.js';
import type {
  AnswerParams,
  PlayPromptParams,
  RecordResponseParams,
  RedirectParams,
  RejectParams,
  SendDtmfTonesParams,
  TransferParams,
  UpdateRecordingStatusParams,
  WithClientContext,
} from './action-params.js';
import { operationFrom } from './operation-response.js';
import { callPath, segment } from './paths.js';
import type { GraphTransport } from './transport.js';

type M<V extends GraphVersion, K extends keyof V1Models> = Model<V, K>;

/** The call-level methods of the Graph calling API (`/communications/calls[/{id}[/action]]`). */
export class CallsApi<V extends GraphVersion = 'v1.0'> {
  /** The Graph version these methods are typed for. */
  readonly version: V;

  constructor(private readonly transport: GraphTransport<V>) {
    this.version = transport.version;
  }

  /** `POST /communications/calls`: place an outgoing call or join a meeting; 201 with the call. */
  async create(call: M<V, 'Call'>): Promise<M<V, 'Call'>> {
    return (await this.transport.send<M<V, 'Call'>>({ method: 'POST', path: '/communications/calls', body: call })).body;
  }

  /** `GET /communications/calls/{id}`. */
  async get(callId: string): Promise<M<V, 'Call'>> {
    return (await this.transport.send<M<V, 'Call'>>({ method: 'GET', path: callPath(callId) })).body;
  }

  /** `DELETE /communications/calls/{id}`: hang up the bot's leg (204). */
  async delete(callId: string): Promise<void> {
    await this.transport.send({ method: 'DELETE', path: callPath(callId) });
  }

  /** `POST …/answer` an incoming call (202; the state follows by notification). */
  async answer(callId: string, params: AnswerParams<V>): Promise<void> {
    await this.post(callId, 'answer', params);
  }

  /** `POST …/reject` an incoming call that was not answered (202). */
  async reject(callId: string, params: RejectParams<V> = {}): Promise<void> {
    await this.post(callId, 'reject', params);
  }

  /** `POST …/redirect` an incoming call to one target (forward) or several (simultaneous ring). */
  async redirect(callId: string, params: RedirectParams<V>): Promise<void> {
    await this.post(callId, 'redirect', params);
  }

  /** `POST …/transfer` an established call (202). */
  async transfer(callId: string, params: TransferParams<V>): Promise<void> {
    await this.post(callId, 'transfer', params);
  }

  /** `POST …/keepAlive`: required at least every 45 minutes or Graph ends the call (408/8537). */
  async keepAlive(callId: string): Promise<void> {
    await this.post(callId, 'keepAlive', undefined);
  }

  /** `POST …/mute`: server-mute the bot itself (group calls). */
  async mute(callId: string, params: WithClientContext = {}): Promise<M<V, 'MuteParticipantOperation'>> {
    return this.operation(callId, 'mute', params);
  }

  /** `POST …/unmute`: undo {@link CallsApi.mute}. */
  async unmute(callId: string, params: WithClientContext = {}): Promise<M<V, 'UnmuteParticipantOperation'>> {
    return this.operation(callId, 'unmute', params);
  }

  /** `POST …/changeScreenSharingRole` (app-hosted media group calls; 202). */
  async changeScreenSharingRole(callId: string, role: M<V, 'ScreenSharingRole'>): Promise<void> {
    await this.post(callId, 'changeScreenSharingRole', { role });
  }

  /** `POST …/playPrompt`: returns the running operation; completion arrives by notification. */
  async playPrompt(callId: string, params: PlayPromptParams<V>): Promise<M<V, 'PlayPromptOperation'>> {
    return this.operation(callId, 'playPrompt', params);
  }

  /** `POST …/recordResponse`: returns the running record operation. */
  async recordResponse(callId: string, params: RecordResponseParams<V> = {}): Promise<M<V, 'RecordOperation'>> {
    return this.operation(callId, 'recordResponse', params);
  }

  /** `POST …/cancelMediaProcessing`: cancels running and queued prompts/recordings. */
  async cancelMediaProcessing(callId: string, params: WithClientContext = {}): Promise<M<V, 'CancelMediaProcessingOperation'>> {
    return this.operation(callId, 'cancelMediaProcessing', params);
  }

  /** `POST …/subscribeToTone`: DTMF presses then arrive as call updates with `toneInfo`. */
  async subscribeToTone(callId: string, params: WithClientContext = {}): Promise<M<V, 'SubscribeToToneOperation'>> {
    return this.operation(callId, 'subscribeToTone', params);
  }

  /** `POST …/sendDtmfTones`. */
  async sendDtmfTones(callId: string, params: SendDtmfTonesParams<V>): Promise<M<V, 'SendDtmfTonesOperation'>> {
    return this.operation(callId, 'sendDtmfTones', params);
  }

  /** `POST …/updateRecordingStatus` (policy-based recording compliance). */
  async updateRecordingStatus(callId: string, params: UpdateRecordingStatusParams<V>): Promise<M<V, 'UpdateRecordingStatusOperation'>> {
    return this.operation(callId, 'updateRecordingStatus', params);
  }

  /** `POST …/addLargeGalleryView` (202 with the running operation). */
  async addLargeGalleryView(callId: string, params: WithClientContext = {}): Promise<M<V, 'AddLargeGalleryViewOperation'>> {
    return this.operation(callId, 'addLargeGalleryView', params);
  }

  /** `GET …/operations/{opId}`. */
  async getOperation(callId: string, operationId: string): Promise<M<V, 'CommsOperation'>> {
    return (await this.transport.send<M<V, 'CommsOperation'>>({ method: 'GET', path: callPath(callId, 'operations', segment(operationId)) })).body;
  }

  /** `POST /communications/calls/logTeleconferenceDeviceQuality`; Graph requires a `User-Agent` (ApplicationName/Version). */
  async logTeleconferenceDeviceQuality(quality: M<V, 'TeleconferenceDeviceQuality'>, userAgent: string): Promise<void> {
    const headers = { 'user-agent': userAgent };
    await this.transport.send({ method: 'POST', path: '/communications/calls/logTeleconferenceDeviceQuality', body: { quality }, headers });
  }

  private async post(callId: string, action: string, body: unknown): Promise<void> {
    await this.transport.send({ method: 'POST', path: callPath(callId, action), body });
  }

  private async operation<T extends { id?: string }>(callId: string, action: string, body: unknown): Promise<T> {
    return operationFrom(await this.transport.send<T | undefined>({ method: 'POST', path: callPath(callId, action), body }));
  }
}
