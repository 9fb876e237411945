import { z } from 'zod';
import type { RejectCommand } from '../../calls/calls-api.js';
import { caseInsensitiveEnum, nonEmptyString, parseWith } from './odata-schema.js';
import { optionalObjectBody } from './request-body.js';

/** The docs capitalise the values (None, Busy, Forbidden), the examples do not: either is read. */
const rejectSchema = z.looseObject({
  reason: caseInsensitiveEnum(['none', 'busy', 'forbidden'] as const).nullish(),
  callbackUri: nonEmptyString.nullish(),
});

/** Both parameters are optional, so an empty body is a plain reject. */
export function parseReject(body: unknown): RejectCommand {
  const reject = parseWith(rejectSchema, optionalObjectBody(body));
  return { reason: reject.reason ?? 'none', ...(reject.callbackUri ? { callbackUri: reject.callbackUri } : {}) };
}
