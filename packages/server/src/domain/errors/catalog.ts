import { commonErrors } from './common.js';
import { identityErrors } from './identity.js';
import { worldErrors } from './world.js';
import { callErrors } from './calls.js';
import { wireErrors } from './wire.js';
import { notifyErrors } from './notify.js';
import { permissionErrors } from './permissions.js';
import { featureErrors } from './features.js';
import { controlErrors } from './controls.js';
import { mediaErrors } from './media.js';
import { peopleErrors } from './people.js';
import { callFaultErrors } from './call-faults.js';
import { faultErrors } from './faults.js';
import { scenarioErrors } from './scenarios.js';
import { stateErrors } from './state.js';
import type { ErrorSpec } from './types.js';

/**
 * The one error catalogue. Each area keeps its fragment next to this file; ids are unique
 * across fragments (a test checks it) and every id is listed in docs/errors.md.
 */
export const catalogFragments = { commonErrors, identityErrors, worldErrors, callErrors, wireErrors, notifyErrors, permissionErrors, featureErrors, controlErrors, mediaErrors, callFaultErrors, peopleErrors, faultErrors, scenarioErrors, stateErrors };

export const errorCatalog = {
  ...commonErrors,
  ...identityErrors,
  ...worldErrors,
  ...callErrors,
  ...wireErrors,
  ...notifyErrors,
  ...permissionErrors,
  ...featureErrors,
  ...controlErrors,
  ...mediaErrors,
  ...callFaultErrors,
  ...peopleErrors,
  ...faultErrors,
  ...scenarioErrors,
  ...stateErrors,
} as const;

export type ErrorId = keyof typeof errorCatalog;

export function specOf(id: ErrorId): ErrorSpec {
  return errorCatalog[id];
}
