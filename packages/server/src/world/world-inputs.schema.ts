import { z } from 'zod';
import {
  applicationEntrySchema,
  certificatePemSchema,
  dateTimeSchema,
  guidSchema,
  meetingEntrySchema,
  tenantEntrySchema,
  userEntrySchema,
  webhookUrlSchema,
} from './world-file.schema.js';

/**
 * Inputs of the WorldService use cases, derived from the world-file entries so a field means the
 * same thing (and is checked the same way) in a file and in a control-API body. Ids are optional
 * on create: the server generates one.
 */

export const tenantCreateSchema = tenantEntrySchema.extend({ id: guidSchema.optional() });
export const tenantPatchSchema = tenantEntrySchema.pick({ displayName: true, domain: true }).partial();

export const meetingConfigurationPutSchema = z.strictObject({ allowRemoveParticipantAppIds: z.array(guidSchema) });
export const meetingConfigurationPatchSchema = meetingConfigurationPutSchema.partial();

export const userCreateSchema = userEntrySchema.extend({ id: guidSchema.optional() });
export const userPatchSchema = userEntrySchema.pick({ displayName: true, userPrincipalName: true, answerMode: true }).partial();

export const applicationCreateSchema = applicationEntrySchema
  .pick({ displayName: true, homeTenantId: true, callingWebhookUrl: true })
  .extend({ appId: guidSchema.optional() });
export const applicationPatchSchema = z
  .strictObject({
    displayName: z.string().min(1).optional(),
    callingWebhookUrl: webhookUrlSchema.nullable().optional().describe('null removes the webhook.'),
  });

export const secretCreateSchema = z.strictObject({ displayName: z.string().optional(), expiresAt: dateTimeSchema.optional() });
export const certificateCreateSchema = z.strictObject({ pem: certificatePemSchema, displayName: z.string().optional() });

/** Names are checked (case-insensitively) by the service, which answers unknownPermission with the known list. */
export const consentPutSchema = z.strictObject({ permissions: z.array(z.string().min(1)) });

export const meetingCreateSchema = meetingEntrySchema.extend({ id: guidSchema.optional() });
export const meetingPatchSchema = meetingEntrySchema
  .pick({ subject: true, organizerId: true, passcode: true, lobbyBypass: true, isDialInBypassEnabled: true, startDateTime: true, endDateTime: true })
  .partial();

export type TenantCreate = z.output<typeof tenantCreateSchema>;
export type TenantPatch = z.output<typeof tenantPatchSchema>;
export type MeetingConfigurationPatch = z.output<typeof meetingConfigurationPatchSchema>;
export type UserCreate = z.output<typeof userCreateSchema>;
export type UserPatch = z.output<typeof userPatchSchema>;
export type ApplicationCreate = z.output<typeof applicationCreateSchema>;
export type ApplicationPatch = z.output<typeof applicationPatchSchema>;
export type SecretCreate = z.output<typeof secretCreateSchema>;
export type CertificateCreate = z.output<typeof certificateCreateSchema>;
export type MeetingCreate = z.output<typeof meetingCreateSchema>;
export type MeetingPatch = z.output<typeof meetingPatchSchema>;

/** What callers may pass (defaults not yet applied); WorldService parses these into the types above. */
export type TenantCreateInput = z.input<typeof tenantCreateSchema>;
export type TenantPatchInput = z.input<typeof tenantPatchSchema>;
export type MeetingConfigurationPatchInput = z.input<typeof meetingConfigurationPatchSchema>;
export type UserCreateInput = z.input<typeof userCreateSchema>;
export type UserPatchInput = z.input<typeof userPatchSchema>;
export type ApplicationCreateInput = z.input<typeof applicationCreateSchema>;
export type ApplicationPatchInput = z.input<typeof applicationPatchSchema>;
export type SecretCreateInput = z.input<typeof secretCreateSchema>;
export type CertificateCreateInput = z.input<typeof certificateCreateSchema>;
export type MeetingCreateInput = z.input<typeof meetingCreateSchema>;
export type MeetingPatchInput = z.input<typeof meetingPatchSchema>;
