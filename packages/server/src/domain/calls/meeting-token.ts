/**
 * `tokenMeetingInfo.token`: Graph's token is opaque and issued by Teams (e.g. in a
 * policy-recording invite). Switchboard issues its own: a versioned prefix and the meeting id in
 * base64url, readable by anyone, because it grants nothing by itself (joining still needs the
 * permissions and consent of any other join).
 */
const PREFIX = 'sbmt1.';

export function meetingToken(meetingId: string): string {
  return `${PREFIX}${Buffer.from(meetingId, 'utf8').toString('base64url')}`;
}

/** The meeting id inside a token this module issued, or undefined for anything else. */
export function meetingIdFromToken(token: string): string | undefined {
  if (!token.startsWith(PREFIX)) return undefined;
  const id = Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8');
  return id.length > 0 && meetingToken(id) === token ? id : undefined;
}
