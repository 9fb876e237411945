import { VersionConflictError } from '../ports.js';

/** `actual` is 0 when the document does not exist; see DocumentPort for the meaning of `expected`. */
export function assertVersion(kind: string, id: string, expected: number | undefined, actual: number): void {
  if (expected !== undefined && expected !== actual) {
    throw new VersionConflictError(kind, id, expected, actual);
  }
}
