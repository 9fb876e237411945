/** One callback POST, reduced to what verification and parsing need. */
export interface CallbackRequest {
  /** The `Authorization` header (`Bearer <JWT>`). */
  authorization?: string | null;
  /** The body: already-parsed JSON, or its text / bytes. */
  body: unknown;
}

/** How a callback was answered. */
export interface CallbackResult {
  /** 202 accepted, 400 not a notification body, 403 token refused (as the Graph samples answer). */
  status: 202 | 400 | 403;
  /** Why it was refused, for logs. */
  error?: string;
}

/** Anything that can handle a callback; {@link Bot} is one. The adapters accept this. */
export interface CallbackHandler {
  handleCallback(request: CallbackRequest): Promise<CallbackResult>;
}
