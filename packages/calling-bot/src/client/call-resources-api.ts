import type { GraphVersion, Model } from '../graph-types.js';
import { listAll } from './operation-response.js';
import { callPath, segment } from './paths.js';
import type { GraphTransport } from './transport.js';

/** `/communications/calls/{id}/audioRoutingGroups` CRUD (create answers 200, not 201). */
export class AudioRoutingGroupsApi<V extends GraphVersion = 'v1.0'> {
  constructor(
    private readonly transport: GraphTransport<V>,
    /** The call the groups belong to. */
    readonly callId: string,
  ) {}

  /** `GET …/audioRoutingGroups`. */
  async list(): Promise<Model<V, 'AudioRoutingGroup'>[]> {
    return listAll(this.transport, this.path());
  }

  /** `GET …/audioRoutingGroups/{id}`. */
  async get(groupId: string): Promise<Model<V, 'AudioRoutingGroup'>> {
    return (await this.transport.send<Model<V, 'AudioRoutingGroup'>>({ method: 'GET', path: this.path(groupId) })).body;
  }

  /** `POST …/audioRoutingGroups`. */
  async create(group: Model<V, 'AudioRoutingGroup'>): Promise<Model<V, 'AudioRoutingGroup'>> {
    return (await this.transport.send<Model<V, 'AudioRoutingGroup'>>({ method: 'POST', path: this.path(), body: group })).body;
  }

  /** `PATCH …/audioRoutingGroups/{id}` (e.g. change the receivers of a multicast group). */
  async update(groupId: string, changes: Model<V, 'AudioRoutingGroup'>): Promise<Model<V, 'AudioRoutingGroup'>> {
    return (await this.transport.send<Model<V, 'AudioRoutingGroup'>>({ method: 'PATCH', path: this.path(groupId), body: changes })).body;
  }

  /** `DELETE …/audioRoutingGroups/{id}` (204). */
  async delete(groupId: string): Promise<void> {
    await this.transport.send({ method: 'DELETE', path: this.path(groupId) });
  }

  private path(groupId?: string): string {
    return groupId === undefined ? callPath(this.callId, 'audioRoutingGroups') : callPath(this.callId, 'audioRoutingGroups', segment(groupId));
  }
}

/** `/communications/calls/{id}/contentSharingSessions` (read-only). */
export class ContentSharingSessionsApi<V extends GraphVersion = 'v1.0'> {
  constructor(
    private readonly transport: GraphTransport<V>,
    /** The call the sessions belong to. */
    readonly callId: string,
  ) {}

  /** `GET …/contentSharingSessions`. */
  async list(): Promise<Model<V, 'ContentSharingSession'>[]> {
    return listAll(this.transport, callPath(this.callId, 'contentSharingSessions'));
  }

  /** `GET …/contentSharingSessions/{id}`. */
  async get(sessionId: string): Promise<Model<V, 'ContentSharingSession'>> {
    const path = callPath(this.callId, 'contentSharingSessions', segment(sessionId));
    return (await this.transport.send<Model<V, 'ContentSharingSession'>>({ method: 'GET', path })).body;
  }
}
