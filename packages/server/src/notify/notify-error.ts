import { DomainError } from '../domain/errors/index.js';
import type { notifyErrors } from '../domain/errors/notify.js';

export type NotifyErrorId = keyof typeof notifyErrors;

/** A DomainError of the notify fragment (typed so callers can only name notify errors). */
export function notifyError(id: NotifyErrorId, params: Record<string, string | number>): DomainError {
  return new DomainError(id, params);
}
