import type { Call, CallState, ResultInfo } from '../domain/calls/types.js';
import { invitationParticipantInfo, participantInfo, type GraphObject } from './identity-set.js';
import { ODATA } from './odata-type.js';
import type { WireVersion } from './version.js';

export interface CallMapOptions {
  /** The service root the reader uses: beta adds properties v1.0 does not have (BEHAVIOR.md §10). */
  version: WireVersion;
}

/**
 * The call resource as GET and create return it (call-get, application-post-calls examples).
 * Properties the simulation does not model are present as null, as Graph shows them; request
 * properties the call echoes (mediaConfig, chatInfo, meetingInfo, subject, callOptions) come
 * from `call.echo`. `@odata.context` is the route's business: it depends on the URL used.
 */
export function callToGraph(call: Call, options: CallMapOptions): GraphObject {
  const echo = call.echo;
  const resource: GraphObject = {
    '@odata.type': ODATA.call,
    state: wireState(call.state, options.version),
    direction: call.direction,
    subject: echo.subject ?? null,
    callbackUri: call.callbackUri,
    callChainId: call.callChainId,
    callRoutes: [],
    source: participantInfo(call.source),
    targets: call.targets.map(invitationParticipantInfo),
    requestedModalities: [...call.requestedModalities],
    mediaConfig: mediaConfigOf(call),
    chatInfo: chatInfoOf(echo.chatInfo),
    meetingInfo: echo.meetingInfo ?? null,
    ...(echo.callOptions ? { callOptions: echo.callOptions } : {}),
    tenantId: call.tenantId,
    myParticipantId: call.myParticipantId ?? null,
    id: call.id,
    resultInfo: call.resultInfo ? resultInfoToGraph(call.resultInfo) : null,
    mediaState: null,
    toneInfo: null,
    transcription: null,
  };
  return options.version === 'beta' ? { ...resource, ...betaCallProperties(call) } : resource;
}

/**
 * The partial call of a state notification: state and id, the meeting it belongs to, and the
 * reason when the call ended or a transition failed (BEHAVIOR.md §5).
 */
export function callStateToGraph(call: Call, options: CallMapOptions): GraphObject {
  return {
    '@odata.type': ODATA.call,
    state: wireState(call.state, options.version),
    direction: call.direction,
    ...(call.echo.chatInfo ? { chatInfo: call.echo.chatInfo } : {}),
    ...(call.echo.meetingInfo ? { meetingInfo: call.echo.meetingInfo } : {}),
    ...(call.resultInfo ? { resultInfo: resultInfoToGraph(call.resultInfo) } : {}),
    id: call.id,
  };
}

/** Numbers, as the schema types code and subcode (Int32), though some examples quote them. */
export function resultInfoToGraph(result: ResultInfo): GraphObject {
  return { '@odata.type': ODATA.resultInfo, code: result.code, subcode: result.subcode, message: result.message };
}

/** v1.0's callState has no `ringing` (BEHAVIOR.md §4): a ringing outgoing call is still establishing there. */
function wireState(state: CallState, version: WireVersion): CallState {
  return state === 'ringing' && version === 'v1.0' ? 'establishing' : state;
}

/** An incoming call has no media configuration until it is answered. */
function mediaConfigOf(call: Call): unknown {
  if (call.echo.mediaConfig) return call.echo.mediaConfig;
  if (call.state === 'incoming') return null;
  return { '@odata.type': call.mediaHosting === 'app' ? ODATA.appHostedMediaConfig : ODATA.serviceHostedMediaConfig };
}

/** Graph answers chatInfo with every member, `replyChainMessageId` null when not given. */
function chatInfoOf(chat: unknown): unknown {
  if (typeof chat !== 'object' || chat === null) return null;
  return { replyChainMessageId: null, ...chat };
}

/** Media is not simulated, so no modality is ever active (the examples show [] even for established calls). */
function betaCallProperties(call: Call): GraphObject {
  return {
    activeModalities: [],
    answeredBy: null,
    meetingCapability: null,
    ringingTimeoutInSeconds: call.echo.ringingTimeoutInSeconds ?? null,
    routingPolicies: call.echo.routingPolicies ?? [],
    terminationReason: null,
  };
}
