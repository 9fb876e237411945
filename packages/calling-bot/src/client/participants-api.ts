import type { GraphVersion, Model, V1Models } from '../graph-types.js';
import type { ConfigureMixerParams, InviteParams, MuteAllParams, StartHoldMusicParams, WithClientContext } from './action-params.js';
import { listAll, operationFrom } from './operation-response.js';
import { callPath, segment } from './paths.js';
import type { GraphTransport } from './transport.js';

type M<V extends GraphVersion, K extends keyof V1Models> = Model<V, K>;

/** The roster methods of one call (`/communications/calls/{id}/participants…`). */
export class ParticipantsApi<V extends GraphVersion = 'v1.0'> {
  /** The Graph version these methods are typed for; beta-only methods require `'beta'`. */
  readonly version: V;

  constructor(
    private readonly transport: GraphTransport<V>,
    /** The call whose roster this is. */
    readonly callId: string,
  ) {
    this.version = transport.version;
  }

  /** `GET …/participants`. */
  async list(): Promise<M<V, 'Participant'>[]> {
    return listAll(this.transport, this.path());
  }

  /** `GET …/participants/{id}` (not supported by Graph for P2P calls). */
  async get(participantId: string): Promise<M<V, 'Participant'>> {
    return (await this.transport.send<M<V, 'Participant'>>({ method: 'GET', path: this.path(segment(participantId)) })).body;
  }

  /** `DELETE …/participants/{id}`: drop a participant or cancel their pending invite (204). */
  async delete(participantId: string): Promise<void> {
    await this.transport.send({ method: 'DELETE', path: this.path(segment(participantId)) });
  }

  /** `POST …/participants/invite` (group calls, up to 5 participants). */
  async invite(params: InviteParams<V>): Promise<M<V, 'InviteParticipantsOperation'>> {
    return this.operation('invite', params);
  }

  /** `POST …/participants/{id}/mute`: server-mute another participant (there is no remote unmute). */
  async mute(participantId: string, params: WithClientContext = {}): Promise<M<V, 'MuteParticipantOperation'>> {
    return this.operation(`${segment(participantId)}/mute`, params);
  }

  /** `POST …/participants/{id}/startHoldMusic` (202, running; completion by notification). */
  async startHoldMusic(participantId: string, params: StartHoldMusicParams<V> = {}): Promise<M<V, 'StartHoldMusicOperation'>> {
    return this.operation(`${segment(participantId)}/startHoldMusic`, params);
  }

  /** `POST …/participants/{id}/stopHoldMusic` (202, running; completion by notification). */
  async stopHoldMusic(participantId: string, params: WithClientContext = {}): Promise<M<V, 'StopHoldMusicOperation'>> {
    return this.operation(`${segment(participantId)}/stopHoldMusic`, params);
  }

  /** Beta only (deprecated by Graph): `POST …/participants/muteAll`. */
  async muteAll(this: ParticipantsApi<'beta'>, params: MuteAllParams = {}): Promise<M<'beta', 'CommsOperation'>> {
    return this.operation('muteAll', params);
  }

  /** Beta only (legacy): `POST …/participants/configureMixer` (202). */
  async configureMixer(this: ParticipantsApi<'beta'>, params: ConfigureMixerParams): Promise<M<'beta', 'CommsOperation'>> {
    return this.operation('configureMixer', params);
  }

  private path(...rest: string[]): string {
    return callPath(this.callId, 'participants', ...rest);
  }

  private async operation<T extends { id?: string }>(action: string, body: unknown): Promise<T> {
    return operationFrom(await this.transport.send<T | undefined>({ method: 'POST', path: this.path(action), body }));
  }
}
