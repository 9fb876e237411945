import { DomainError } from '../../domain/errors/index.js';
import type { wireErrors } from '../../domain/errors/wire.js';

export type WireErrorId = keyof typeof wireErrors;

export type WireErrorParams = Record<string, string | number>;

export function wireError(id: WireErrorId, params: WireErrorParams = {}): DomainError {
  return new DomainError(id, params);
}

/**
 * What a schema puts in a custom zod issue's `params` to choose the error it becomes; the
 * issue's path supplies `{property}`.
 */
export interface WireIssueParams {
  wireError: WireErrorId;
  values?: WireErrorParams;
}

export const wireIssue = (wireError: WireErrorId, values: WireErrorParams = {}): { code: 'custom'; message: string; params: WireIssueParams } => ({
  code: 'custom',
  message: wireError,
  params: { wireError, values },
});

export function isWireIssueParams(value: unknown): value is WireIssueParams {
  return typeof value === 'object' && value !== null && typeof (value as WireIssueParams).wireError === 'string';
}
