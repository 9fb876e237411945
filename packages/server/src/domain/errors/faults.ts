import type { Catalog } from './types.js';

/**
 * Graph request faults and throttling (issue 6). `injectedFault` is rendered with the status and
 * code the rule asks for; its catalogue status is only the fallback.
 */
export const faultErrors = {
  injectedFault: { status: 500, code: 'InternalServerError', message: 'Switchboard fault rule {ruleId} failed this request on purpose.' },
  throttled: { status: 429, code: 'TooManyRequests', message: 'Too many requests from this application in this tenant; retry after {seconds} seconds.' },
  faultHeaderInvalid: { status: 400, code: 'BadRequest', message: 'The X-Switchboard-Fault header is invalid: {details}' },
  faultRuleNotFound: { status: 404, code: 'NotFound', message: "There is no fault rule with id '{id}'." },
} as const satisfies Catalog;
