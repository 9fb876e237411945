/** One entry of the error catalogue: the HTTP status and wire code a failure is rendered with. */
export interface ErrorSpec {
  status: number;
  /** `error.code` in the Graph envelope, or `error` in an OAuth (Entra) error body. */
  code: string;
  /** Default message; a thrower may give a more precise one. */
  message: string;
  /** Entra errors carry an AADSTS number (`error_codes`, `AADSTSnnnn:` prefix). */
  aadsts?: number;
  /** Which body shape the error renders as. */
  envelope?: 'graph' | 'oauth';
}

export type Catalog = Record<string, ErrorSpec>;
