/** `resultInfo` of a call or operation: Graph's outcome code, subcode and message. */
export interface ResultInfo {
  code?: number | string | null;
  subcode?: number | string | null;
  message?: string | null;
}

/** An awaited operation that Graph reported as `failed` (e.g. cancelled: 400/8508). */
export class OperationFailedError extends Error {
  override readonly name = 'OperationFailedError';

  constructor(
    /** The operation id. */
    readonly operationId: string | undefined,
    /** The operation's `resultInfo`, when Graph gave one. */
    readonly resultInfo: ResultInfo | undefined,
    /** The final operation resource. */
    readonly operation: Record<string, unknown>,
  ) {
    super(`operation ${operationId ?? '(no id)'} failed${resultInfo ? `: ${resultInfo.code ?? ''}/${resultInfo.subcode ?? ''} ${resultInfo.message ?? ''}`.trimEnd() : ''}`);
  }
}

/** An awaited operation whose completion notification did not arrive in time. */
export class OperationTimeoutError extends Error {
  override readonly name = 'OperationTimeoutError';

  constructor(
    /** The operation id awaited. */
    readonly operationId: string | undefined,
    /** The time waited, in milliseconds. */
    readonly timeoutMs: number,
  ) {
    super(`operation ${operationId ?? '(no id)'} did not complete within ${timeoutMs} ms`);
  }
}
