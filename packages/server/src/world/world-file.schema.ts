import { z } from 'zod';
import { CALLING_PERMISSIONS } from '../domain/world/permissions.js';
import { DOMAIN_NAME_PATTERN, UPN_PATTERN } from '../domain/world/rules.js';
import { CHAT_THREAD_ID_PATTERN, JOIN_MEETING_ID_PATTERN } from '../domain/world/meeting-coordinates.js';
import { ANSWER_MODES, LOBBY_BYPASS_SCOPES, WORLD_MODES } from '../domain/world/types.js';

/**
 * The world file format, defined once: the loader validates with it, the control API reuses its
 * entries, and schemas/world.schema.json is generated from it. Objects are strict so a typo in a
 * key is an error, not a silently ignored setting.
 */

/** Ids compare as lowercase everywhere (Entra treats GUIDs case-insensitively). */
export const guidSchema = z.guid({ error: 'must be a GUID (8-4-4-4-12 hex digits)' }).toLowerCase();

export const dateTimeSchema = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time like 2025-01-06T09:00:00Z' });

export const meetingConfigurationSchema = z
  .strictObject({
    allowRemoveParticipantAppIds: z.array(guidSchema).default([]).describe('App ids allowed to remove participants (Set-CsApplicationMeetingConfiguration -AllowRemoveParticipantAppIds).'),
  })
  .describe("The tenant's Teams application meeting configuration.");

export const complianceRecordingPolicySchema = z
  .strictObject({
    recordingAppIds: z.array(guidSchema).min(1).describe('App ids of the recording bots the policy invites (ComplianceRecordingApplications).'),
  })
  .describe('A Teams compliance recording policy (New-CsTeamsComplianceRecordingPolicy): only calls under it may report a recording status (call-updaterecordingstatus).');

export const tenantEntrySchema = z.strictObject({
  id: guidSchema.describe('Directory (tenant) id.'),
  displayName: z.string().min(1),
  domain: z.string().regex(DOMAIN_NAME_PATTERN, 'must be a DNS domain like contoso.example').toLowerCase().describe('Primary verified domain; user principal names must be in it or a subdomain.'),
  meetingConfiguration: meetingConfigurationSchema.default({ allowRemoveParticipantAppIds: [] }),
  complianceRecordingPolicy: complianceRecordingPolicySchema.optional().describe('Granted tenant-wide (Grant-CsTeamsComplianceRecordingPolicy -Global): every call of the tenant is under it.'),
});

export const userEntrySchema = z.strictObject({
  id: guidSchema.describe('Object id of the user.'),
  tenantId: guidSchema.describe('The tenant the user belongs to.'),
  displayName: z.string().min(1),
  userPrincipalName: z.string().regex(UPN_PATTERN, 'must look like name@domain').describe("name@domain, in the tenant's domain."),
  complianceRecordingPolicy: complianceRecordingPolicySchema.optional().describe('Granted to this user: calls and meetings they are in are under it.'),
  answerMode: z.enum(ANSWER_MODES).optional().describe("How the user answers an app's peer-to-peer call: auto (default), manual (answer/decline through the control API), decline, noAnswer."),
});

export const secretEntrySchema = z.strictObject({
  id: guidSchema.optional().describe('keyId; defaults to a stable id derived from the app id and the position.'),
  value: z.string().min(1).describe('The plaintext secret clients send as client_secret.'),
  displayName: z.string().optional(),
  expiresAt: dateTimeSchema.optional(),
});

export const certificatePemSchema = z
  .string()
  .regex(/-----BEGIN CERTIFICATE-----/, 'must be a PEM certificate (-----BEGIN CERTIFICATE----- …)')
  .describe('PEM of a public X.509 certificate for client assertions (no private key).');

export const webhookUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const applicationEntrySchema = z.strictObject({
  appId: guidSchema.describe('Application (client) id.'),
  displayName: z.string().min(1),
  homeTenantId: guidSchema.describe('The tenant the app is registered in.'),
  secrets: z.array(secretEntrySchema).default([]),
  certificates: z.array(certificatePemSchema).default([]),
  callingWebhookUrl: webhookUrlSchema.optional().describe('Where incoming-call notifications go (the bot\'s calling webhook).'),
});

export const permissionSchema = z.enum(CALLING_PERMISSIONS);

export const consentEntrySchema = z.strictObject({
  tenantId: guidSchema,
  appId: guidSchema,
  servicePrincipalId: guidSchema.optional().describe("Object id of the app's service principal in the tenant; derived from tenant and app when absent."),
  permissions: z.array(permissionSchema).describe('Application permissions an admin granted.'),
});

export const meetingEntrySchema = z.strictObject({
  id: guidSchema,
  tenantId: guidSchema,
  organizerId: guidSchema.describe('A user of the same tenant.'),
  subject: z.string().min(1),
  joinMeetingId: z.string().regex(JOIN_MEETING_ID_PATTERN, 'must be 6 to 20 digits').optional().describe('Derived (12–13 digits) when absent.'),
  passcode: z.string().min(1).max(64).nullable().optional().describe('null: no passcode; absent: derived.'),
  chatThreadId: z.string().regex(CHAT_THREAD_ID_PATTERN, 'must look like 19:meeting_…@thread.v2').optional().describe('Derived when absent.'),
  lobbyBypass: z.enum(LOBBY_BYPASS_SCOPES).optional().describe("Who skips the lobby; default 'organization'."),
  isDialInBypassEnabled: z.boolean().optional().describe('Phone (dial-in) callers always skip the lobby (Graph lobbyBypassSettings.isDialInBypassEnabled); default false.'),
  startDateTime: dateTimeSchema.optional(),
  endDateTime: dateTimeSchema.optional(),
});

export const worldFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors.'),
    version: z.literal(1),
    mode: z.enum(WORLD_MODES).default('extend').describe('extend: add to / override the demo world by id; replace: only this file.'),
    tenants: z.array(tenantEntrySchema).default([]),
    users: z.array(userEntrySchema).default([]),
    applications: z.array(applicationEntrySchema).default([]),
    consents: z.array(consentEntrySchema).default([]),
    meetings: z.array(meetingEntrySchema).default([]),
  })
  .meta({ title: 'Switchboard world file', description: 'Tenants, users, applications, consents and meetings of a Switchboard world.' });

/** A parsed world file (defaults applied, ids lowercased). */
export type WorldFile = z.output<typeof worldFileSchema>;
/** What a world file may contain as written. */
export type WorldFileInput = z.input<typeof worldFileSchema>;
export type MeetingEntry = z.output<typeof meetingEntrySchema>;
export type ApplicationEntry = z.output<typeof applicationEntrySchema>;
