import { DomainError } from '../../domain/errors/index.js';
import { WORLD_KINDS, type MeetingConfiguration, type Tenant } from '../../domain/world/types.js';
import { assertValidChange, inWorldTx, type WorldContext } from '../world-tx.js';
import type { MeetingConfigurationPatch, TenantCreate, TenantPatch } from '../world-inputs.schema.js';
import { describeReferences, requireTenant } from './resolve.js';

export function getTenant(ctx: WorldContext, idOrDomain: string): Promise<Tenant> {
  return inWorldTx(ctx, async (tx) => (await requireTenant(tx, idOrDomain)).data);
}

export function createTenant(ctx: WorldContext, input: TenantCreate): Promise<Tenant> {
  return inWorldTx(ctx, async (tx) => {
    const tenant: Tenant = {
      id: input.id ?? ctx.ids.newId(),
      displayName: input.displayName,
      domain: input.domain,
      meetingConfiguration: { allowRemoveParticipantAppIds: [...input.meetingConfiguration.allowRemoveParticipantAppIds] },
      ...(input.complianceRecordingPolicy ? { complianceRecordingPolicy: input.complianceRecordingPolicy } : {}),
    };
    await tx.ensureAbsent(WORLD_KINDS.tenant, tenant.id);
    await assertValidChange(tx, { tenants: [tenant] });
    return tx.insert(WORLD_KINDS.tenant, tenant.id, tenant);
  });
}

export function updateTenant(ctx: WorldContext, idOrDomain: string, patch: TenantPatch): Promise<Tenant> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireTenant(tx, idOrDomain);
    const next: Tenant = { ...doc.data, ...patch };
    await assertValidChange(tx, { tenants: [next] });
    return tx.update(doc, next);
  });
}

/** Refused while anything lives in the tenant: deleting users or meetings by accident is worse than a 409. */
export function deleteTenant(ctx: WorldContext, idOrDomain: string): Promise<void> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireTenant(tx, idOrDomain);
    const world = await tx.snapshot();
    const id = doc.data.id;
    const references = describeReferences(
      [world.users.filter((u) => u.tenantId === id).length, 'user', 'users'],
      [world.meetings.filter((m) => m.tenantId === id).length, 'meeting', 'meetings'],
      [world.applications.filter((a) => a.homeTenantId === id).length, 'application registered there', 'applications registered there'],
      [world.consents.filter((c) => c.tenantId === id).length, 'consent', 'consents'],
    );
    if (references) throw new DomainError('stillReferenced', { kind: 'Tenant', id, references });
    await tx.remove(doc);
  });
}

export function getMeetingConfiguration(ctx: WorldContext, idOrDomain: string): Promise<MeetingConfiguration> {
  return inWorldTx(ctx, async (tx) => (await requireTenant(tx, idOrDomain)).data.meetingConfiguration);
}

/** PUT passes every field, PATCH some; both land here. */
export function updateMeetingConfiguration(ctx: WorldContext, idOrDomain: string, patch: MeetingConfigurationPatch): Promise<MeetingConfiguration> {
  return inWorldTx(ctx, async (tx) => {
    const doc = await requireTenant(tx, idOrDomain);
    const ids = patch.allowRemoveParticipantAppIds ?? doc.data.meetingConfiguration.allowRemoveParticipantAppIds;
    const meetingConfiguration = { ...doc.data.meetingConfiguration, allowRemoveParticipantAppIds: [...new Set(ids)] };
    return (await tx.update(doc, { ...doc.data, meetingConfiguration })).meetingConfiguration;
  });
}
