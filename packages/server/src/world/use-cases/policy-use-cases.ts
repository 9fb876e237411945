import type { ComplianceRecordingPolicy, MeetingConfiguration, Tenant, User } from '../../domain/world/types.js';
import type { AllowRemoveChange } from '../policy-inputs.schema.js';
import { inWorldTx, type WorldContext } from '../world-tx.js';
import { requireTenant, requireUser } from './resolve.js';

/**
 * Set-CsApplicationMeetingConfiguration -AllowRemoveParticipantAppIds @{Add=…} / @{Remove=…}:
 * adds, then removes, in one write. Graph reads the setting on every DELETE participant, so the
 * change is effective for the next request.
 */
export function changeAllowRemoveParticipantAppIds(ctx: WorldContext, idOrDomain: string, change: AllowRemoveChange): Promise<MeetingConfiguration> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireTenant(tx, idOrDomain);
    const { add, remove } = change.allowRemoveParticipantAppIds;
    const removed = new Set(remove);
    const current = doc.data.meetingConfiguration.allowRemoveParticipantAppIds;
    const allowRemoveParticipantAppIds = [...new Set([...current, ...add])].filter((appId) => !removed.has(appId));
    const meetingConfiguration = { ...doc.data.meetingConfiguration, allowRemoveParticipantAppIds };
    return (await tx.update(doc, { ...doc.data, meetingConfiguration })).meetingConfiguration;
  });
}

/** Grant-CsTeamsComplianceRecordingPolicy -Global (a policy) or its removal (undefined). */
export function setTenantRecordingPolicy(ctx: WorldContext, idOrDomain: string, policy: ComplianceRecordingPolicy | undefined): Promise<Tenant> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireTenant(tx, idOrDomain);
    return tx.update(doc, withPolicy(doc.data, policy));
  });
}

/** Grant-CsTeamsComplianceRecordingPolicy -Identity <user> (a policy) or its removal (undefined). */
export function setUserRecordingPolicy(ctx: WorldContext, userId: string, policy: ComplianceRecordingPolicy | undefined): Promise<User> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireUser(tx, userId);
    return tx.update(doc, withPolicy(doc.data, policy));
  });
}

function withPolicy<T extends { complianceRecordingPolicy?: ComplianceRecordingPolicy }>(entity: T, policy: ComplianceRecordingPolicy | undefined): T {
  const { complianceRecordingPolicy: _previous, ...rest } = entity;
  return (policy ? { ...rest, complianceRecordingPolicy: { recordingAppIds: [...new Set(policy.recordingAppIds)] } } : rest) as T;
}
