/** What a Graph request looks like to the fault rules (filled by http/, no Fastify types here). */
export interface GraphRequestFacts {
  /** Method status table name of the matched route, e.g. "participant: mute"; undefined when unrouted. */
  operation?: string;
  httpMethod: string;
  /** Path after the version segment, e.g. "/communications/calls/abc/participants/def/mute". */
  path: string;
  version: 'v1.0' | 'beta';
  appId?: string;
}

/** What a callback looks like to the fault rules. */
export interface CallbackFaultFacts {
  appId: string;
  callId: string;
  changeType: 'created' | 'updated' | 'deleted';
  resource: 'call' | 'participants' | 'operation' | 'tones' | 'contentSharingSessions';
  state?: string;
}
