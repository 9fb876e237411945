/**
 * Teams join links, as Graph's `joinWebUrl` carries them:
 * `https://teams.microsoft.com/l/meetup-join/<url-encoded thread id>/<message id>?context=<url-encoded {"Tid","Oid"}>`.
 * The thread id is the meeting chat; the context names the tenant (`Tid`) and organizer (`Oid`).
 */

export const TEAMS_JOIN_ORIGIN = 'https://teams.microsoft.com';

/** A meeting's join link always points at the root message of its chat, whose id is `0`. */
export const MEETING_ROOT_MESSAGE_ID = '0';

export interface JoinWebUrlParts {
  threadId: string;
  messageId: string;
  tenantId: string;
  organizerId: string;
}

export type JoinWebUrlParse = { ok: true; parts: JoinWebUrlParts } | { ok: false; reason: string };

export function buildJoinWebUrl(parts: Omit<JoinWebUrlParts, 'messageId'> & { messageId?: string }): string {
  const thread = encodeURIComponent(parts.threadId);
  const message = encodeURIComponent(parts.messageId ?? MEETING_ROOT_MESSAGE_ID);
  const context = encodeURIComponent(JSON.stringify({ Tid: parts.tenantId, Oid: parts.organizerId }));
  return `${TEAMS_JOIN_ORIGIN}/l/meetup-join/${thread}/${message}?context=${context}`;
}

const JOIN_PATH = /\/l\/meetup-join\/([^/]+)\/([^/?#]+)/;
const EXPECTED = 'expected …/l/meetup-join/<thread id>/<message id>?context={"Tid":…,"Oid":…}';

/** Reads any host's link (teams.microsoft.com, teams.live.com, ours) and either percent-encoding case. */
export function parseJoinWebUrl(joinWebUrl: string): JoinWebUrlParse {
  const url = URL.canParse(joinWebUrl) ? new URL(joinWebUrl) : undefined;
  if (!url) return fail(`'${joinWebUrl}' is not a URL`);
  const path = JOIN_PATH.exec(url.pathname);
  if (!path?.[1] || !path[2]) return fail(`not a Teams meeting join link (${EXPECTED})`);
  const threadId = decodeSegment(path[1]);
  const messageId = decodeSegment(path[2]);
  if (!threadId?.startsWith('19:') || !messageId) return fail(`the link does not carry a chat thread id (${EXPECTED})`);
  const context = readContext(url.searchParams.get('context'));
  if (!context) return fail(`the link's context must be JSON with string Tid and Oid (${EXPECTED})`);
  return { ok: true, parts: { threadId, messageId, ...context } };
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function readContext(raw: string | null): { tenantId: string; organizerId: string } | undefined {
  if (!raw) return undefined;
  try {
    const context = JSON.parse(raw) as { Tid?: unknown; Oid?: unknown };
    return typeof context.Tid === 'string' && typeof context.Oid === 'string' ? { tenantId: context.Tid, organizerId: context.Oid } : undefined;
  } catch {
    return undefined;
  }
}

function fail(reason: string): JoinWebUrlParse {
  return { ok: false, reason };
}
