import type { GraphVersion, Model } from '../graph-types.js';
import { Roster } from './roster.js';

/** What the tracker knows about one call, merged from every notification so far. */
export class TrackedCall<V extends GraphVersion = 'v1.0'> {
  /** The latest known call resource (partial updates merged in). */
  resource: Model<V, 'Call'>;
  /** The latest non-stale `state`. */
  state?: Model<V, 'CallState'>;
  /** The call's roster (group calls and meetings; P2P calls get no roster notifications). */
  readonly roster = new Roster<Model<V, 'Participant'>>();
  /** DTMF sequence ids already seen, so a repeated tone notification is not reported twice. */
  readonly tonesSeen = new Set<number>();

  constructor(
    /** The Graph call id. */
    readonly id: string,
    resource: Model<V, 'Call'> = {},
  ) {
    this.resource = { ...resource, id };
    if (typeof resource.state === 'string') this.state = resource.state;
  }

  /** Current participants by participant id. */
  get participants(): ReadonlyMap<string, Model<V, 'Participant'>> {
    return this.roster.participants;
  }

  /** Whether the call reached `terminated`. */
  get ended(): boolean {
    return this.state === 'terminated';
  }
}
