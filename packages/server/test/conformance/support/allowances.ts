import type { Allowance } from './shape.js';

/**
 * The documented differences between the Graph docs' examples and our responses and notifications,
 * one list per page. The mapper-level conformance tests (test/conformance/*.test.ts) and the
 * end-to-end ones (test/conformance/e2e-*.test.ts) compare against the same lists.
 */

/** Answer (call-answer) and the notifications around it: documented differences. */
export const ANSWER_ALLOWANCES: Allowance[] = [
  { path: 'value[].callbackUri', kind: 'extra', reason: 'every notification names the call’s callbackUri, as the create-call examples show' },
  ...['@odata.id', '@odata.etag'].map((member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'missing', reason: 'not sent: the resource is named by resourceUrl and resourceData.id; etags are not modelled' })),
  ...['direction', 'id'].map((member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'state notifications always carry the call id and direction (create-call examples)' })),
  ...['source', 'targets[]', 'source.identity', 'targets[].identity', 'source.identity.user', 'targets[].identity.application'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}.@odata.type`, kind: 'extra', reason: 'we type every complex value; this example leaves some untyped' }),
  ),
  ...['subject', 'callbackUri', 'callChainId', 'callRoutes', 'mediaConfig', 'chatInfo', 'meetingInfo', 'tenantId', 'myParticipantId', 'resultInfo', 'mediaState', 'toneInfo', 'transcription'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'an incoming call is announced with the whole call resource (redirect examples show most of these)' }),
  ),
  ...['activeModalities', 'answeredBy', 'meetingCapability', 'ringingTimeoutInSeconds', 'routingPolicies', 'terminationReason'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'beta-only call properties of the whole call resource', where: ['beta/'] }),
  ),
  { path: 'value[].resourceData.callRoutes[]', kind: 'missing', reason: 'call routing (lookups of forwarded numbers) is not simulated', where: ['beta/example-1'] },
  ...['region', 'languageId'].map((member): Allowance => ({ path: `value[].resourceData.targets[].${member}`, kind: 'missing', reason: 'participantInfo members not simulated', where: ['beta/example-1', 'beta/example-2'] })),
];

/** Create call (application-post-calls): documented differences between the examples and us. */
const BETA_ONLY = 'a beta-only call property (BEHAVIOR.md §10): not in the v1.0 schema, shown on v1.0 by mistake';
const UNSET_NULLS = 'unset nullable properties: Graph prints them null in most examples of the page, this one omits them';
export const CREATE_CALL_ALLOWANCES: Allowance[] = [
  ...['activeModalities', 'answeredBy', 'meetingCapability', 'ringingTimeoutInSeconds', 'routingPolicies', 'terminationReason'].map((path): Allowance => ({ path, kind: 'missing', reason: BETA_ONLY, where: ['v1.0/'] })),
  ...['chatInfo', 'meetingInfo', 'resultInfo', 'mediaState', 'toneInfo', 'transcription', 'answeredBy', 'meetingCapability', 'ringingTimeoutInSeconds', 'terminationReason'].map(
    (path): Allowance => ({ path, kind: 'extra', reason: UNSET_NULLS, where: ['v1.0/example-3', 'beta/example-3', 'beta/example-4'] }),
  ),
  { path: 'callRoutes', kind: 'extra', reason: 'a read-only call property; the page’s other examples show it as []', where: ['v1.0/example-1', 'v1.0/example-2', 'v1.0/example-5'] },
  { path: 'tenantId', kind: 'extra', reason: 'the call’s tenant is always known; the page’s other examples show it', where: ['v1.0/example-1', 'v1.0/example-2', 'v1.0/example-5'] },
  { path: 'callOptions', kind: 'extra', reason: 'a call property echoed as sent; the example’s response drops it', where: ['v1.0/example-1', 'beta/example-1'] },
  { path: 'mediaConfig.preFetchMedia', kind: 'missing', reason: 'the example’s response lists prefetch media its request never sent; we echo the request', where: ['v1.0/example-1', 'v1.0/example-9', 'beta/example-1', 'beta/example-11'] },
  { path: 'mediaConfig.removeFromDefaultAudioGroup', kind: 'extra', reason: 'echoed as sent; the example’s response drops it', where: ['v1.0/example-3', 'beta/example-3'] },
  { path: '**.meetingInfo.organizer.user.tenantId', kind: 'extra', reason: 'echoed as sent; this example drops it (example 6 keeps it)', where: ['v1.0/example-5'] },
  ...['source.countryCode', 'source.endpointType', 'targets[].endpointType', 'targets[].region', 'targets[].replacesCallId', 'targets[].languageId'].map(
    (path): Allowance => ({ path, kind: 'missing', reason: 'participantInfo members not simulated; only some examples print them (null)' }),
  ),
  // Notifications.
  { path: 'value[].resourceData.direction', kind: 'extra', reason: 'state notifications always carry the direction; some examples (establishing) omit it' },
  { path: 'value[].resourceData.tenantId', kind: 'missing', reason: 'the partial call of a state notification does not repeat the tenant', where: ['beta/example-1 established'] },
  { path: 'value[].resourceData[].rosterSequenceNumber', kind: 'extra', reason: 'a participant schema property (BEHAVIOR.md §8) that examples of this revision predate' },
  ...['metadata', 'recordingInfo', 'info.region', 'info.languageId', 'mediaStreams[].label'].map((member): Allowance => ({ path: `value[].resourceData[].${member}`, kind: 'extra', reason: 'participant members we always print (null when unset); this example omits them' })),
  ...['preferredDisplayName', 'isIdentityAnonymized'].map((member): Allowance => ({ path: `value[].resourceData[].${member}`, kind: 'extra', reason: 'beta-only participant properties (BEHAVIOR.md §8)', where: ['beta/'] })),
];

/** Delete call (call-delete): documented differences between the examples and us. */
export const DELETE_CALL_ALLOWANCES: Allowance[] = [
  { path: 'value[].callbackUri', kind: 'extra', reason: 'every notification names the call’s callbackUri, as the create-call examples show' },
  ...['direction', 'id'].map((member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'state notifications always carry the call id and direction (create-call examples)' })),
  ...['code', 'subcode'].map((member): Allowance => ({ path: `value[].resourceData.resultInfo.${member}`, kind: 'type', reason: 'the schema types code and subcode Int32 (BEHAVIOR.md §9); this example quotes them' })),
];

/** Get call (call-get): documented differences between the examples and us. */
export const GET_CALL_ALLOWANCES: Allowance[] = [
  ...['answeredBy', 'ringingTimeoutInSeconds'].map((path): Allowance => ({ path, kind: 'missing', reason: 'a beta-only call property (BEHAVIOR.md §10) shown on v1.0 by mistake', where: ['v1.0/'] })),
  { path: 'callChainId', kind: 'extra', reason: 'assigned at creation and shown by every create response; the GET examples omit it' },
  { path: 'mediaState', kind: 'extra', reason: 'printed null as in the create responses; the GET examples omit it' },
  ...['callRoutes', 'tenantId'].map((path): Allowance => ({ path, kind: 'extra', reason: 'shown by the beta GET examples and the create responses; the v1.0 GET examples omit it', where: ['v1.0/'] })),
  ...['targets[].region', 'targets[].languageId'].map((path): Allowance => ({ path, kind: 'missing', reason: 'participantInfo members not simulated; only some examples print them (null)' })),
];

/** List participants (call-list-participants) and get participant (participant-get): documented differences. */
export const PARTICIPANTS_ALLOWANCES: Allowance[] = [
  { path: '**.info.id', kind: 'missing', reason: 'not a participantInfo property in the schema (participantId is); older examples print it' },
  { path: '**.info.platformId', kind: 'missing', reason: 'the client platform is not simulated', where: ['beta/participant-get'] },
  ...['user', 'device', 'phone'].map((member): Allowance => ({ path: `**.info.identity.${member}`, kind: 'missing', reason: 'identity sets list only the members they have; these examples print the others null' })),
  { path: '**.info.identity.*.displayName', kind: 'missing', reason: 'an identity without a display name omits it (as the phone identities of the create examples); this example prints null' },
  ...['region', 'languageId'].map((member): Allowance => ({ path: `**.info.${member}`, kind: 'extra', reason: 'printed null; these examples omit them' })),
  { path: '**.rosterSequenceNumber', kind: 'extra', reason: 'a participant schema property (BEHAVIOR.md §8) that examples of this revision predate' },
  { path: '**.recordingInfo', kind: 'extra', reason: 'printed null as in the beta examples', where: ['v1.0/'] },
  ...['preferredDisplayName', 'isIdentityAnonymized'].map((member): Allowance => ({ path: `**.${member}`, kind: 'extra', reason: 'beta-only participant properties (BEHAVIOR.md §8)', where: ['beta/'] })),
];

/** Redirect (call-redirect) and the notifications around it: documented differences. */
export const REDIRECT_ALLOWANCES: Allowance[] = [
  { path: 'value[].callbackUri', kind: 'extra', reason: 'every notification names the call’s callbackUri, as the create-call examples show' },
  ...['subject', 'callChainId', 'callRoutes', 'requestedModalities', 'mediaConfig', 'chatInfo', 'meetingInfo', 'tenantId', 'resultInfo', 'mediaState', 'toneInfo', 'transcription'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'an incoming call is announced with the whole call resource', where: ['v1.0/example-1 incoming', 'v1.0/example-2 incoming', 'v1.0/example-3 incoming', 'beta/example-1 incoming', 'beta/example-2 incoming', 'beta/example-3 incoming'] }),
  ),
  ...['activeModalities', 'answeredBy', 'meetingCapability', 'ringingTimeoutInSeconds', 'routingPolicies', 'terminationReason'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'beta-only call properties of the whole call resource', where: ['beta/example-1 incoming', 'beta/example-2 incoming', 'beta/example-3 incoming'] }),
  ),
  // The `deleted` notification is the partial call of every state notification (create, delete examples).
  ...['callbackUri', 'source', 'targets', 'tenantId', 'myParticipantId'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'missing', reason: 'the terminated call is notified as a partial call (state, id, direction, result), as for delete', where: ['v1.0/example-1 terminated', 'v1.0/example-2 terminated', 'v1.0/example-3 terminated', 'beta/example-1 terminated', 'beta/example-2 terminated', 'beta/example-3 terminated'] }),
  ),
  { path: 'value[].resourceData.answeredBy', kind: 'missing', reason: 'who answered a redirected PSTN call is not simulated', where: ['v1.0/example-3 terminated', 'beta/example-3 terminated'] },
  ...['region', 'languageId', 'endpointType', 'id'].map((member): Allowance => ({ path: `value[].resourceData.targets[].${member}`, kind: 'missing', reason: 'participantInfo members not simulated' })),
  { path: 'value[].resourceData.source.languageId', kind: 'extra', reason: 'printed null; these examples omit it' },
  { path: 'value[].resourceData.targets[].@odata.type', kind: 'value', reason: 'older examples type targets participantInfo; the schema says invitationParticipantInfo (BEHAVIOR.md §11)' },
  { path: 'value[].resourceData.targets[].identity.applicationInstance', kind: 'missing', reason: 'application instances (PSTN) are not simulated: the bot is its application', where: ['v1.0/example-3 incoming', 'beta/example-3 incoming'] },
  { path: 'value[].resourceData.targets[].identity.application', kind: 'extra', reason: 'application instances (PSTN) are not simulated: the bot is its application', where: ['v1.0/example-3 incoming', 'beta/example-3 incoming'] },
];

/** Reject (call-reject) and the notifications around it: documented differences. */
export const REJECT_ALLOWANCES: Allowance[] = [
  { path: 'value[].callbackUri', kind: 'extra', reason: 'every notification names the call’s callbackUri, as the create-call examples show' },
  { path: 'value[].resourceData.@odata.id', kind: 'missing', reason: 'not sent: the resource is named by resourceUrl and resourceData.id' },
  ...['state', 'direction', 'id'].map((member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'the `deleted` notification carries state terminated, id and direction like the redirect and delete examples', where: ['v1.0/example-2 deleted', 'beta/example-2 deleted'] })),
  ...['source', 'targets[]', 'source.identity', 'targets[].identity', 'source.identity.user', 'targets[].identity.application'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}.@odata.type`, kind: 'extra', reason: 'we type every complex value; this example leaves some untyped' }),
  ),
  ...['subject', 'callbackUri', 'callChainId', 'callRoutes', 'mediaConfig', 'chatInfo', 'meetingInfo', 'tenantId', 'myParticipantId', 'resultInfo', 'mediaState', 'toneInfo', 'transcription', 'id'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'an incoming call is announced with the whole call resource (redirect examples show most of these)', where: ['v1.0/example-2 incoming', 'beta/example-2 incoming'] }),
  ),
  ...['activeModalities', 'answeredBy', 'meetingCapability', 'ringingTimeoutInSeconds', 'routingPolicies', 'terminationReason'].map(
    (member): Allowance => ({ path: `value[].resourceData.${member}`, kind: 'extra', reason: 'beta-only call properties of the whole call resource', where: ['beta/example-2 incoming'] }),
  ),
  ...['region', 'languageId'].map((member): Allowance => ({ path: `value[].resourceData.targets[].${member}`, kind: 'missing', reason: 'participantInfo members not simulated', where: ['beta/example-2 incoming'] })),
];
