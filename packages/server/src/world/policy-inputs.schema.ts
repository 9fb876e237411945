import { z } from 'zod';
import { complianceRecordingPolicySchema, guidSchema } from './world-file.schema.js';

/**
 * Inputs of the tenant-policy use cases (issue 4): the control API's bodies and the CLI twins of
 * Set-CsApplicationMeetingConfiguration and Grant-CsTeamsComplianceRecordingPolicy.
 */

const appIds = z.array(guidSchema).default([]);

/** `-AllowRemoveParticipantAppIds @{Add="app_id"}` / `@{Remove="app_id"}`, both at once if wanted. */
export const allowRemoveChangeSchema = z.strictObject({
  allowRemoveParticipantAppIds: z
    .strictObject({ add: appIds.describe('App ids to add.'), remove: appIds.describe('App ids to remove.') })
    .describe('The PowerShell hashtable @{Add=…; Remove=…} as JSON.'),
});

export const recordingPolicyPutSchema = complianceRecordingPolicySchema;

export type AllowRemoveChange = z.output<typeof allowRemoveChangeSchema>;
export type AllowRemoveChangeInput = z.input<typeof allowRemoveChangeSchema>;
export type RecordingPolicyInput = z.input<typeof recordingPolicyPutSchema>;
