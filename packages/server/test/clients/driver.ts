/**
 * The one thing the conformance scenario needs from a client library: a token, and a Graph
 * request that comes back as a status and a parsed JSON body. Each client's driver maps these
 * onto the library's own request path, so the scenario is written once (issue 8, item 1).
 */

export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export type Json = Record<string, unknown>;

export interface DriverResponse {
  status: number;
  /** Parsed JSON; undefined for an empty body (204, 202 without content). */
  body: Json | undefined;
}

export interface ClientDriver {
  /** The client combination, for test names and failure messages. */
  name: string;
  /** An app-only Graph access token as the library acquires it. */
  token(): Promise<string>;
  /** `path` is relative to the v1.0 service root, e.g. `/communications/calls`. */
  request(method: GraphMethod, path: string, body?: Json): Promise<DriverResponse>;
}

/** Parses a response text the way every driver must: empty is undefined, anything else JSON. */
export function parseBody(text: string): Json | undefined {
  if (text.trim() === '') return undefined;
  return JSON.parse(text) as Json;
}
