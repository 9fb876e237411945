import { DomainError } from '../errors/index.js';
import type { ComplianceRecordingPolicy } from '../world/types.js';
import { changeParticipant, findParticipant } from './roster.js';
import type { Conference, RecordingInfo, Transition } from './types.js';

/** What may bring a compliance recording policy into a call: the tenant (globally) and the users in it. */
export interface PolicyHolders {
  tenant?: { complianceRecordingPolicy?: ComplianceRecordingPolicy };
  users: { complianceRecordingPolicy?: ComplianceRecordingPolicy }[];
}

const names = (policy: ComplianceRecordingPolicy | undefined, appId: string): boolean =>
  policy?.recordingAppIds.some((id) => id.toLowerCase() === appId.toLowerCase()) ?? false;

/**
 * updateRecordingStatus "requires the use of the Teams policy-based recording solution"
 * (call-updaterecordingstatus): the call must be under a compliance recording policy naming the
 * app, granted tenant-wide or to a user who is in the call ("the recording bot will not be allowed
 * to record unless a user with a recording policy joined the call or meeting",
 * microsoft-graph-comms-samples#444). Graph answers 8506 otherwise.
 */
export function assertComplianceRecordingCall(appId: string, holders: PolicyHolders): void {
  if (names(holders.tenant?.complianceRecordingPolicy, appId)) return;
  if (holders.users.some((user) => names(user.complianceRecordingPolicy, appId))) return;
  throw new DomainError('notComplianceRecordingCall');
}

/**
 * The app's own roster entry shows what it reported (participant `recordingInfo`), and everyone
 * in the call gets that entry: it is what drives the recording banner of people's clients.
 * Reporting the status it already has changes nothing.
 */
export function reportRecordingStatus(conference: Conference, participantId: string, info: RecordingInfo): Transition<Conference> {
  const current = findParticipant(conference, participantId).recordingInfo;
  if (current?.status === info.status && current.initiator.id === info.initiator.id) return { value: conference, events: [] };
  return changeParticipant(conference, participantId, { recordingInfo: info });
}
