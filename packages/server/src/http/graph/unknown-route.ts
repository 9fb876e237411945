import type { KnownRoute } from './graph-route.js';
import { DomainError } from '../../domain/errors/index.js';

const segmentMatches = (pattern: string, actual: string): boolean =>
  pattern.startsWith(':') || pattern.toLowerCase() === actual.toLowerCase() || `microsoft.graph.${pattern}`.toLowerCase() === actual.toLowerCase();

/**
 * A name this version matches only as an id, but another version serves as a literal segment (a
 * beta-only action such as participants/muteAll): this version's model does not know the name, so
 * Graph reports the segment rather than reading it as a key.
 */
function onlyElsewhere(known: KnownRoute[], version: string, index: number, segment: string, matches: KnownRoute[]): boolean {
  if (matches.some((r) => !r.segments[index]!.startsWith(':'))) return false;
  return known.some((r) => r.version !== version && r.segments[index] !== undefined && !r.segments[index]!.startsWith(':') && segmentMatches(r.segments[index]!, segment));
}

/**
 * What Graph answers for a URL no route took: `400 Resource not found for the segment 'x'`
 * naming the first segment no known path continues with, or `405` when the path exists but
 * not for this method.
 */
export function unknownRouteError(known: KnownRoute[], method: string, version: string, segments: string[]): DomainError {
  const sameVersion = known.filter((r) => r.version === version);
  let candidates = sameVersion;
  for (const [index, segment] of segments.entries()) {
    const next = candidates.filter((r) => r.segments[index] !== undefined && segmentMatches(r.segments[index]!, segment));
    if (next.length === 0 || onlyElsewhere(known, version, index, segment, next)) return new DomainError('segmentNotFound', { segment });
    candidates = next;
  }
  const exact = candidates.filter((r) => r.segments.length === segments.length);
  if (exact.length > 0) return new DomainError('methodNotAllowed', { method }, { headers: { allow: [...new Set(exact.map((r) => r.method))].join(', ') } });
  return new DomainError('segmentNotFound', { segment: segments.at(-1) ?? version });
}
