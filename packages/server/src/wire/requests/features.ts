import { z } from 'zod';
import type { ClientContextCommand, InviteCommand, RecordingStatusCommand, ScreenSharingRoleCommand, TransferCommand } from '../../calls/features/features-api.js';
import { ODATA } from '../odata-type.js';
import { compact } from './compact.js';
import { callableIdentitySetSchema } from './identity-schemas.js';
import { caseInsensitiveEnum, odataType, parseWith } from './odata-schema.js';
import { objectBody, optionalObjectBody } from './request-body.js';

/**
 * Bodies of the meeting-feature actions. `clientContext` is a string here; its 256-character
 * limit is the use cases' (checkClientContext), so every action reports it the same way.
 */
const clientContext = z.string().nullish();

const withClientContext = (value: { clientContext?: string | null }): ClientContextCommand => (value.clientContext == null ? {} : { clientContext: value.clientContext });

/** call-updaterecordingstatus: `status` is notRecording, recording or failed (the enum's `unknown` is Graph's to report). */
const recordingStatusSchema = z.looseObject({ status: caseInsensitiveEnum(['notRecording', 'recording', 'failed'] as const), clientContext });

export function parseRecordingStatus(body: unknown): RecordingStatusCommand {
  const parsed = parseWith(recordingStatusSchema, objectBody(body));
  return { status: parsed.status, ...withClientContext(parsed) };
}

/** call-addlargegalleryview: only `clientContext`, and an empty body is as good as `{}`. Built once: zod compiles a schema on construction. */
const clientContextOnlySchema = z.looseObject({ clientContext });

export function parseClientContextOnly(body: unknown): ClientContextCommand {
  return withClientContext(parseWith(clientContextOnlySchema, optionalObjectBody(body)));
}

/** participant-invite: invitationParticipantInfo entries (older examples type them participantInfo). */
const inviteeSchema = z.looseObject({
  '@odata.type': odataType(ODATA.invitationParticipantInfo, ODATA.participantInfo),
  identity: callableIdentitySetSchema,
  replacesCallId: z.string().nullish(),
  participantId: z.string().nullish(),
});

const inviteSchema = z.looseObject({ participants: z.array(inviteeSchema), clientContext });

export function parseInvite(body: unknown): InviteCommand {
  const raw = objectBody(body);
  const parsed = parseWith(inviteSchema, raw);
  const echo = compact(raw.participants as Record<string, unknown>[]);
  return { invitees: parsed.participants.map((p) => p.identity), echo, ...withClientContext(parsed) };
}

/** call-changescreensharingrole: `role` is viewer or sharer (screenSharingRole). */
const screenSharingRoleSchema = z.looseObject({ role: caseInsensitiveEnum(['viewer', 'sharer'] as const) });

export function parseScreenSharingRole(body: unknown): ScreenSharingRoleCommand {
  return { role: parseWith(screenSharingRoleSchema, objectBody(body)).role };
}

/** call-transfer: `transferTarget` (invitationParticipantInfo) is required; `transferee` is read only for group calls. */
const transferSchema = z.looseObject({
  transferTarget: z.looseObject({
    '@odata.type': odataType(ODATA.invitationParticipantInfo, ODATA.participantInfo),
    identity: callableIdentitySetSchema,
    replacesCallId: z.string().nullish(),
  }),
  transferee: z.looseObject({ '@odata.type': odataType(ODATA.participantInfo) }).nullish(),
  clientContext,
});

export function parseTransfer(body: unknown): TransferCommand {
  const parsed = parseWith(transferSchema, objectBody(body));
  const { identity, replacesCallId } = parsed.transferTarget;
  return { target: identity, ...(replacesCallId ? { replacesCallId } : {}), ...withClientContext(parsed) };
}
