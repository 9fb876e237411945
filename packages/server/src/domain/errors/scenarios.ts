import type { Catalog } from './types.js';

/** Scenarios of issue 6: files, runs and the steps they take. Switchboard's own API, generic codes. */
export const scenarioErrors = {
  scenarioInvalid: { status: 400, code: 'BadRequest', message: 'The scenario is invalid: {details}' },
  scenarioNotFound: { status: 404, code: 'NotFound', message: "There is no scenario run '{runId}'." },
  scenarioActionUnavailable: { status: 501, code: 'NotImplemented', message: "The scenario action '{action}' is not available in this build of Switchboard." },
  scenarioPersonAbsent: { status: 409, code: 'Conflict', message: '{person} is not {where} (a step before must {how}).' },
  scenarioWaitTimedOut: { status: 408, code: 'Timeout', message: 'waitFor {condition} did not hold within {timeout}.' },
} satisfies Catalog;
