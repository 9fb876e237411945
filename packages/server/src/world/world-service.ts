import { randomUUID } from 'node:crypto';
import { hashSecret } from '../auth/secret-hash.js';
import type { Clock } from '../domain/clock.js';
import type { IdGenerator } from '../domain/world/ids.js';
import type { ClientCertificate, Consent, Meeting, MeetingConfiguration, Tenant, User, WorldMode } from '../domain/world/types.js';
import type { Store } from '../storage/ports.js';
import type { ApplicationView, NewClientSecret } from './application-view.js';
import * as applications from './use-cases/application-use-cases.js';
import * as consents from './use-cases/consent-use-cases.js';
import * as meetings from './use-cases/meeting-use-cases.js';
import * as seeding from './use-cases/seed-use-cases.js';
import * as tenants from './use-cases/tenant-use-cases.js';
import * as users from './use-cases/user-use-cases.js';
import * as policies from './use-cases/policy-use-cases.js';
import { allowRemoveChangeSchema, recordingPolicyPutSchema, type AllowRemoveChangeInput, type RecordingPolicyInput } from './policy-inputs.schema.js';
import type { WorldFile } from './world-file.schema.js';
import * as In from './world-inputs.schema.js';
import { WorldReader } from './world-reader.js';
import { parseInput } from './parse-input.js';
import type { WorldContext } from './world-tx.js';

export type { SeedReport, WorldExport } from './use-cases/seed-use-cases.js';

export interface WorldServiceOptions {
  /** Fresh ids for created entities (default: random v4 GUIDs). */
  ids?: IdGenerator;
  hashSecret?: (value: string) => string;
}

/**
 * The world's mutating use cases (the control API and start-up seeding drive it). Each call is
 * one store transaction with optimistic versions; failures are DomainErrors from
 * domain/errors/world.ts. Inputs are parsed with world-inputs.schema.ts (the control API's body
 * schemas too), then references and uniqueness are checked against the stored world. Every
 * method is async so a bad input rejects rather than throwing synchronously.
 */
export class WorldService {
  private readonly ctx: WorldContext;
  private readonly reader: WorldReader;

  constructor(store: Store, clock: Clock, options: WorldServiceOptions = {}) {
    this.ctx = { store, clock, ids: options.ids ?? { newId: randomUUID }, hashSecret: options.hashSecret ?? hashSecret };
    this.reader = new WorldReader(store);
  }

  async seed(file?: WorldFile, mode?: WorldMode): Promise<seeding.SeedReport> {
    return seeding.seedWorld(this.ctx, file, mode);
  }

  async exportWorld(): Promise<seeding.WorldExport> {
    return seeding.exportWorld(this.ctx);
  }

  async listTenants(): Promise<Tenant[]> {
    return this.reader.tenants();
  }
  async getTenant(idOrDomain: string): Promise<Tenant> {
    return tenants.getTenant(this.ctx, idOrDomain);
  }
  async createTenant(input: In.TenantCreateInput): Promise<Tenant> {
    return tenants.createTenant(this.ctx, parseInput(In.tenantCreateSchema, input));
  }
  async updateTenant(idOrDomain: string, patch: In.TenantPatchInput): Promise<Tenant> {
    return tenants.updateTenant(this.ctx, idOrDomain, parseInput(In.tenantPatchSchema, patch));
  }
  async deleteTenant(idOrDomain: string): Promise<void> {
    return tenants.deleteTenant(this.ctx, idOrDomain);
  }
  async getMeetingConfiguration(idOrDomain: string): Promise<MeetingConfiguration> {
    return tenants.getMeetingConfiguration(this.ctx, idOrDomain);
  }
  async updateMeetingConfiguration(idOrDomain: string, patch: In.MeetingConfigurationPatchInput): Promise<MeetingConfiguration> {
    return tenants.updateMeetingConfiguration(this.ctx, idOrDomain, parseInput(In.meetingConfigurationPatchSchema, patch));
  }
  /** Set-CsApplicationMeetingConfiguration -AllowRemoveParticipantAppIds @{Add=…; Remove=…}. */
  async changeAllowRemoveParticipantAppIds(idOrDomain: string, change: AllowRemoveChangeInput): Promise<MeetingConfiguration> {
    return policies.changeAllowRemoveParticipantAppIds(this.ctx, idOrDomain, parseInput(allowRemoveChangeSchema, change));
  }
  /** The tenant-wide compliance recording policy; undefined removes it. */
  async setTenantRecordingPolicy(idOrDomain: string, policy: RecordingPolicyInput | undefined): Promise<Tenant> {
    return policies.setTenantRecordingPolicy(this.ctx, idOrDomain, policy && parseInput(recordingPolicyPutSchema, policy));
  }
  /** A user's compliance recording policy; undefined removes it. */
  async setUserRecordingPolicy(userId: string, policy: RecordingPolicyInput | undefined): Promise<User> {
    return policies.setUserRecordingPolicy(this.ctx, userId, policy && parseInput(recordingPolicyPutSchema, policy));
  }

  async listUsers(filter: { tenantId?: string } = {}): Promise<User[]> {
    return (await this.reader.users()).filter((u) => !filter.tenantId || u.tenantId === filter.tenantId.toLowerCase());
  }
  async getUser(userId: string): Promise<User> {
    return users.getUser(this.ctx, userId);
  }
  async createUser(input: In.UserCreateInput): Promise<User> {
    return users.createUser(this.ctx, parseInput(In.userCreateSchema, input));
  }
  async updateUser(userId: string, patch: In.UserPatchInput): Promise<User> {
    return users.updateUser(this.ctx, userId, parseInput(In.userPatchSchema, patch));
  }
  async deleteUser(userId: string): Promise<void> {
    return users.deleteUser(this.ctx, userId);
  }

  async listApplications(): Promise<ApplicationView[]> {
    return (await this.exportWorld()).applications;
  }
  async getApplication(appId: string): Promise<ApplicationView> {
    return applications.getApplication(this.ctx, appId);
  }
  async createApplication(input: In.ApplicationCreateInput): Promise<ApplicationView> {
    return applications.createApplication(this.ctx, parseInput(In.applicationCreateSchema, input));
  }
  async updateApplication(appId: string, patch: In.ApplicationPatchInput): Promise<ApplicationView> {
    return applications.updateApplication(this.ctx, appId, parseInput(In.applicationPatchSchema, patch));
  }
  async deleteApplication(appId: string): Promise<void> {
    return applications.deleteApplication(this.ctx, appId);
  }
  async addSecret(appId: string, input: In.SecretCreateInput = {}): Promise<NewClientSecret> {
    return applications.addSecret(this.ctx, appId, parseInput(In.secretCreateSchema, input));
  }
  async revokeSecret(appId: string, secretId: string): Promise<void> {
    return applications.revokeSecret(this.ctx, appId, secretId);
  }
  async addCertificate(appId: string, input: In.CertificateCreateInput): Promise<ClientCertificate> {
    return applications.addCertificate(this.ctx, appId, parseInput(In.certificateCreateSchema, input));
  }
  async revokeCertificate(appId: string, certificateId: string): Promise<void> {
    return applications.revokeCertificate(this.ctx, appId, certificateId);
  }

  async listConsents(tenant: string): Promise<Consent[]> {
    return consents.listConsents(this.ctx, tenant);
  }
  async getConsent(tenant: string, appId: string): Promise<Consent> {
    return consents.getConsent(this.ctx, tenant, appId);
  }
  async setConsent(tenant: string, appId: string, permissions: readonly string[]): Promise<Consent> {
    return consents.setConsent(this.ctx, tenant, appId, permissions);
  }
  async grantPermission(tenant: string, appId: string, permission: string): Promise<Consent> {
    return consents.grantPermission(this.ctx, tenant, appId, permission);
  }
  async revokePermission(tenant: string, appId: string, permission: string): Promise<Consent | undefined> {
    return consents.revokePermission(this.ctx, tenant, appId, permission);
  }
  async deleteConsent(tenant: string, appId: string): Promise<void> {
    return consents.deleteConsent(this.ctx, tenant, appId);
  }

  async listMeetings(filter: { tenantId?: string } = {}): Promise<Meeting[]> {
    return (await this.reader.meetings()).filter((m) => !filter.tenantId || m.tenantId === filter.tenantId.toLowerCase());
  }
  async getMeeting(meetingId: string): Promise<Meeting> {
    return meetings.getMeeting(this.ctx, meetingId);
  }
  async createMeeting(input: In.MeetingCreateInput): Promise<Meeting> {
    return meetings.createMeeting(this.ctx, parseInput(In.meetingCreateSchema, input));
  }
  async updateMeeting(meetingId: string, patch: In.MeetingPatchInput): Promise<Meeting> {
    return meetings.updateMeeting(this.ctx, meetingId, parseInput(In.meetingPatchSchema, patch));
  }
  async deleteMeeting(meetingId: string): Promise<void> {
    return meetings.deleteMeeting(this.ctx, meetingId);
  }
}
