import type { Call } from '../../domain/calls/types.js';
import { DomainError } from '../../domain/errors/index.js';
import type { Caller } from '../calls-api.js';
import { sameId } from '../resolve-meeting.js';

/**
 * Per-call actions are authorized by the grant checked when the call was created, joined or
 * answered (BEHAVIOR.md §2, e.g. call-keepalive "Permissions"): the call only has to belong to
 * the caller's app. Another app's call answers exactly like an unknown one (404 8522), so call
 * ids of other apps cannot be probed.
 */
export function ownCall(call: Call | undefined, caller: Caller): Call {
  if (!call || !sameId(call.appId, caller.appId)) throw new DomainError('callNotFound');
  return call;
}

/** Reads of an ended call answer 404 too: Graph forgets a call once it is terminated. */
export function ownLiveCall(call: Call | undefined, caller: Caller): Call {
  const owned = ownCall(call, caller);
  if (owned.state === 'terminated') throw new DomainError('callNotFound');
  return owned;
}
