/**
 * How long the simulated service takes for transitions Graph performs asynchronously. Either way
 * every transition goes through a durable timer, so it is asynchronous like Graph (the HTTP
 * answer comes first, the notification after) and survives a restart.
 *
 * `realistic` follows what bots observe against Teams: `established` about 1.5 s after the
 * create/answer, the first roster about 0.2 s after that, `terminated` about 0.3 s after DELETE,
 * a redirect completing after about 1 s. Fixed rules (15 s to answer, 45 min keepAlive) are not
 * latency: see domain/calls/call-rules.ts.
 */
export interface LatencyProfile {
  readonly name: 'instant' | 'realistic';
  /** establishing → established, after create, answer or admission from the lobby. */
  readonly establishMs: number;
  /** established → the leg's first (full) roster notification. */
  readonly rosterSnapshotMs: number;
  /** terminating → terminated, after DELETE. */
  readonly terminateMs: number;
  /** redirecting → terminated. */
  readonly redirectMs: number;
}

export const LATENCY_PROFILES: Readonly<Record<LatencyProfile['name'], LatencyProfile>> = {
  instant: { name: 'instant', establishMs: 0, rosterSnapshotMs: 0, terminateMs: 0, redirectMs: 0 },
  realistic: { name: 'realistic', establishMs: 1500, rosterSnapshotMs: 200, terminateMs: 300, redirectMs: 1000 },
};

export function latencyProfile(name: LatencyProfile['name']): LatencyProfile {
  return LATENCY_PROFILES[name];
}
