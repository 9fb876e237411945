/** `@odata.type` values of the calling resources, as Graph writes them. */
export const ODATA = {
  call: '#microsoft.graph.call',
  participant: '#microsoft.graph.participant',
  participantInfo: '#microsoft.graph.participantInfo',
  invitationParticipantInfo: '#microsoft.graph.invitationParticipantInfo',
  identitySet: '#microsoft.graph.identitySet',
  communicationsIdentitySet: '#microsoft.graph.communicationsIdentitySet',
  identity: '#microsoft.graph.identity',
  mediaStream: '#microsoft.graph.mediaStream',
  mediaInfo: '#microsoft.graph.mediaInfo',
  mediaPrompt: '#microsoft.graph.mediaPrompt',
  audioRoutingGroup: '#microsoft.graph.audioRoutingGroup',
  resultInfo: '#microsoft.graph.resultInfo',
  chatInfo: '#microsoft.graph.chatInfo',
  serviceHostedMediaConfig: '#microsoft.graph.serviceHostedMediaConfig',
  appHostedMediaConfig: '#microsoft.graph.appHostedMediaConfig',
  organizerMeetingInfo: '#microsoft.graph.organizerMeetingInfo',
  joinMeetingIdMeetingInfo: '#microsoft.graph.joinMeetingIdMeetingInfo',
  tokenMeetingInfo: '#microsoft.graph.tokenMeetingInfo',
  outgoingCallOptions: '#microsoft.graph.outgoingCallOptions',
  incomingCallOptions: '#microsoft.graph.incomingCallOptions',
  commsNotification: '#microsoft.graph.commsNotification',
  commsNotifications: '#microsoft.graph.commsNotifications',
} as const;

export type ODataTypeName = (typeof ODATA)[keyof typeof ODATA];

const KNOWN = new Map<string, ODataTypeName>(Object.values(ODATA).map((name) => [bare(name), name]));

/**
 * The canonical spelling of a type a client sent. OData type names are compared without the
 * leading `#` (the .NET comms SDK sends `microsoft.graph.identitySet`) and, like every name in
 * this API, without regard to case (BEHAVIOR.md §1). Undefined for a type we do not model.
 */
export function canonicalODataType(raw: string): ODataTypeName | undefined {
  return KNOWN.get(bare(raw));
}

/** `#microsoft.graph.call` → `microsoft.graph.call`, as OData error messages name types. */
export function bareTypeName(raw: string): string {
  return raw.replace(/^#/, '');
}

function bare(name: string): string {
  return bareTypeName(name).toLowerCase();
}
