import { z } from 'zod';
import { LOBBY_BYPASS_SCOPES } from '../../domain/world/types.js';
import * as In from '../../world/world-inputs.schema.js';
import { tenantEntrySchema, userEntrySchema } from '../../world/world-file.schema.js';

/**
 * Wire shapes of the control API. Request bodies are the WorldService input schemas; responses
 * are described here. Both registries name the OpenAPI components (`#/components/schemas/<id>`).
 */

const secretViewSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  hint: z.string().describe('The first three characters of the value.'),
  createdAt: z.string(),
  expiresAt: z.string().optional(),
  value: z.string().optional().describe('Only for secrets that came from a world file.'),
});

export const newSecretSchema = secretViewSchema.extend({ value: z.string().describe('The plaintext, shown this once.') });

export const certificateSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  pem: z.string(),
  x5t: z.string().describe('Base64url SHA-1 thumbprint.'),
  x5tS256: z.string().describe('Base64url SHA-256 thumbprint (x5t#S256).'),
  createdAt: z.string(),
});

export const applicationSchema = z.object({
  appId: z.string(),
  displayName: z.string(),
  homeTenantId: z.string(),
  secrets: z.array(secretViewSchema),
  certificates: z.array(certificateSchema),
  callingWebhookUrl: z.string().optional(),
});

export const consentSchema = z.object({
  tenantId: z.string(),
  appId: z.string(),
  servicePrincipalId: z.string(),
  permissions: z.array(z.string()),
});

export const meetingSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  organizerId: z.string(),
  subject: z.string(),
  joinWebUrl: z.string(),
  joinMeetingId: z.string(),
  passcode: z.string().optional(),
  chatThreadId: z.string(),
  lobbyBypass: z.enum(LOBBY_BYPASS_SCOPES),
  isDialInBypassEnabled: z.boolean().optional().describe('Phone (dial-in) callers skip the lobby.'),
  startDateTime: z.string(),
  endDateTime: z.string(),
});

export const tenantSchema = tenantEntrySchema;
export const userSchema = userEntrySchema;
export const meetingConfigurationSchema = z.object({ allowRemoveParticipantAppIds: z.array(z.string()) });

export const worldSchema = z.object({
  tenants: z.array(tenantSchema),
  users: z.array(userSchema),
  applications: z.array(applicationSchema),
  consents: z.array(consentSchema),
  meetings: z.array(meetingSchema),
});

const listOf = <T extends z.ZodType>(item: T) => z.object({ value: z.array(item) });
export const tenantListSchema = listOf(tenantSchema);
export const userListSchema = listOf(userSchema);
export const applicationListSchema = listOf(applicationSchema);
export const consentListSchema = listOf(consentSchema);
export const meetingListSchema = listOf(meetingSchema);

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), innerError: z.record(z.string(), z.unknown()).optional() }),
});

export const openApiSchema = z.record(z.string(), z.unknown()).describe('This OpenAPI 3.1 document.');

export const tenantFilterSchema = z.strictObject({ tenantId: z.string().optional().describe('Only those of this tenant (id).') });

export const tokenRequestSchema = z.strictObject({
  appId: z.string().min(1),
  tenantId: z.string().min(1).describe('Tenant id or verified domain.'),
  appidacr: z.enum(['1', '2']).default('1').describe('1 = as if by secret, 2 = as if by certificate.'),
});
export const tokenResponseSchema = z.object({ access_token: z.string(), expires_in: z.number() });
export const rotateResponseSchema = z.object({ kid: z.string(), keys: z.array(z.string()).describe('Every published kid, newest (active) first.') });
export const permissionCatalogueSchema = z.record(z.string(), z.unknown()).describe('versions, permissions (with methodCount) and operations (the method matrix).');
export const permissionPageSchema = z.record(z.string(), z.unknown()).describe('id, name, display string, description and rows (one per method, version and path prefix).');

type Named = z.core.$ZodRegistry<{ id: string }>;

export const bodyComponents: Named = z.registry<{ id: string }>();
export const responseComponents: Named = z.registry<{ id: string }>();

const bodies: [z.ZodType, string][] = [
  [In.tenantCreateSchema, 'TenantCreate'],
  [In.tenantPatchSchema, 'TenantPatch'],
  [In.meetingConfigurationPutSchema, 'MeetingConfigurationPut'],
  [In.meetingConfigurationPatchSchema, 'MeetingConfigurationPatch'],
  [In.userCreateSchema, 'UserCreate'],
  [In.userPatchSchema, 'UserPatch'],
  [In.applicationCreateSchema, 'ApplicationCreate'],
  [In.applicationPatchSchema, 'ApplicationPatch'],
  [In.secretCreateSchema, 'SecretCreate'],
  [In.certificateCreateSchema, 'CertificateCreate'],
  [In.consentPutSchema, 'ConsentPut'],
  [In.meetingCreateSchema, 'MeetingCreate'],
  [In.meetingPatchSchema, 'MeetingPatch'],
  [tokenRequestSchema, 'TokenRequest'],
];
const responses: [z.ZodType, string][] = [
  [tenantSchema, 'Tenant'],
  [tenantListSchema, 'TenantList'],
  [meetingConfigurationSchema, 'MeetingConfiguration'],
  [userSchema, 'User'],
  [userListSchema, 'UserList'],
  [applicationSchema, 'Application'],
  [applicationListSchema, 'ApplicationList'],
  [newSecretSchema, 'NewSecret'],
  [certificateSchema, 'Certificate'],
  [consentSchema, 'Consent'],
  [consentListSchema, 'ConsentList'],
  [meetingSchema, 'Meeting'],
  [meetingListSchema, 'MeetingList'],
  [worldSchema, 'World'],
  [errorSchema, 'Error'],
  [openApiSchema, 'OpenApiDocument'],
  [tokenResponseSchema, 'TokenResponse'],
  [rotateResponseSchema, 'SigningKeyRotation'],
  [permissionCatalogueSchema, 'PermissionCatalogue'],
  [permissionPageSchema, 'PermissionPage'],
];
for (const [schema, id] of bodies) bodyComponents.add(schema, { id });
for (const [schema, id] of responses) responseComponents.add(schema, { id });
