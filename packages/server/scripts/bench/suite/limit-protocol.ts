/** IPC of the limit baseline's process (limit-server.ts); replies as in callbacks-protocol.ts. */
export type LimitChildRequest =
  /** Appends `count` outbox rows round-robin over `streams`, `perTransaction` per transaction; answers their stamps. */
  | { type: 'enqueue'; id: number; count: number; perSecond: number; perTransaction: number; streams: number }
  /** Resolves once every row was delivered and deleted. */
  | { type: 'drained'; id: number }
  /** CPU time the process has used so far, ms (user + system). */
  | { type: 'cpu'; id: number }
  | { type: 'stop' };
