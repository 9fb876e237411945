import { z } from 'zod';
import type { RedirectCommand } from '../../calls/calls-api.js';
import { invitationParticipantInfoSchema } from './identity-schemas.js';
import { caseInsensitiveEnum, nonEmptyString, parseWith } from './odata-schema.js';
import { objectBody } from './request-body.js';

/**
 * call-redirect parameters: one target forwards, several ring at once (at most 25); the timeout
 * is 15–90 seconds. Beta's `maskCallee`, `maskCaller` and the deprecated `targetDisposition`, and
 * the examples' `routingPolicies`, are checked for type and otherwise not simulated.
 */
const redirectSchema = z.looseObject({
  targets: z.array(invitationParticipantInfoSchema).min(1).max(25),
  timeout: z.number().int().min(15).max(90).nullish(),
  callbackUri: nonEmptyString.nullish(),
  maskCallee: z.boolean().nullish(),
  maskCaller: z.boolean().nullish(),
  targetDisposition: caseInsensitiveEnum(['default', 'simultaneousRing', 'forward'] as const).nullish(),
  routingPolicies: z.array(z.string()).nullish(),
});

export function parseRedirect(body: unknown): RedirectCommand {
  const redirect = parseWith(redirectSchema, objectBody(body));
  return {
    targets: redirect.targets,
    ...(redirect.timeout ? { timeoutSeconds: redirect.timeout } : {}),
    ...(redirect.callbackUri ? { callbackUri: redirect.callbackUri } : {}),
  };
}
