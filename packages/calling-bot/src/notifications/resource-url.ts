/** The parts of a notification's `resourceUrl`. */
export interface ResourcePath {
  callId: string;
  /** Lowercased sub-collection: `participants`, `operations`, `contentsharingsessions`, … */
  collection?: string;
  /** The item in that sub-collection, when the URL names one. */
  itemId?: string;
}

/**
 * Parses `resourceUrl` tolerantly: Graph examples show it with and without the leading slash, with
 * the legacy `/app/calls` prefix and with varying case (BEHAVIOR §1, §5). Undefined when it does not
 * name a call.
 */
export function parseResourcePath(resourceUrl: string | undefined): ResourcePath | undefined {
  if (!resourceUrl) return undefined;
  const path = resourceUrl.replace(/^https?:\/\/[^/]+/i, '').split('?')[0] ?? '';
  const segments = path.split('/').filter(Boolean).map(decode);
  const calls = segments.findIndex((s, i) => s.toLowerCase() === 'calls' && /^(communications|app)$/i.test(segments[i - 1] ?? ''));
  const callId = calls < 0 ? undefined : segments[calls + 1];
  if (!callId) return undefined;
  const collection = segments[calls + 2]?.toLowerCase();
  const itemId = segments[calls + 3];
  return { callId, ...(collection ? { collection } : {}), ...(itemId ? { itemId } : {}) };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
