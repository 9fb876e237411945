import type { Catalog } from './types.js';

/** Call fault injection (issue 6): the control API names faults from the call fault catalogue. */
export const callFaultErrors = {
  callFaultUnknown: { status: 404, code: 'NotFound', message: "There is no call fault named '{name}'; GET /_switchboard/faults/catalog lists them." },
  callFaultCallEnded: { status: 409, code: 'Conflict', message: "Call '{callId}' has already ended; a call fault needs a live leg." },
  callFaultNotApplicable: { status: 409, code: 'Conflict', message: "The call fault '{name}' cannot strike call '{callId}' now: {reason}." },
} as const satisfies Catalog;
