/**
 * Errors the storage adapters throw besides VersionConflictError (which lives in ports.ts).
 * Callers match on the class, so every adapter throws these same classes.
 */

/**
 * An outbox message was completed or rescheduled by a worker that no longer holds it: its lease
 * expired and another worker claimed it, or it is already gone. The delivery may have happened
 * twice (at-least-once); the caller should log and move on, not retry the completion.
 */
export class LeaseLostError extends Error {
  constructor(
    readonly seq: number,
    readonly owner: string,
  ) {
    super(`outbox message ${seq} is not leased by ${owner} (lease expired and taken over, or message gone)`);
    this.name = 'LeaseLostError';
  }
}

/** The store was used in a way that would deadlock or corrupt a transaction: a programming error. */
export class StoreMisuseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreMisuseError';
  }
}

/** The database was written by a newer Switchboard; running old code on it could corrupt it. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
    where = 'point it at another data directory',
  ) {
    super(`database schema version ${found} is newer than this Switchboard supports (${supported}); upgrade Switchboard or ${where}`);
    this.name = 'SchemaTooNewError';
  }
}
