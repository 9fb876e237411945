/** Builds Graph paths with every id URL-encoded (ids are opaque, case-sensitive strings: BEHAVIOR §1). */
export function callPath(callId: string, ...rest: string[]): string {
  return ['/communications/calls', encodeURIComponent(callId), ...rest].join('/');
}

/** Percent-encodes one id segment. */
export function segment(id: string): string {
  return encodeURIComponent(id);
}

/** The last path segment of a Location header, e.g. the operation id of `…/operations/{opId}`. */
export function lastSegment(location: string | null): string | undefined {
  if (!location) return undefined;
  const path = location.split('?')[0] ?? '';
  const last = path.split('/').filter(Boolean).pop();
  return last === undefined ? undefined : decodeURIComponent(last);
}
