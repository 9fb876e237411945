/** The Graph service root a request came through; shapes differ between them (BEHAVIOR.md §10). */
export type WireVersion = 'v1.0' | 'beta';
