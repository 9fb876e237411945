import type { ScreenSharingRole } from '../../domain/calls/screen-sharing-role.js';
import type { Identity, RecordingStatus } from '../../domain/calls/types.js';

/** Parsed, syntactically valid bodies of the meeting-feature actions (wire/requests/features.ts reads them). */

export interface ClientContextCommand {
  /** Echoed on the operation; at most 256 characters (checked by the use case). */
  clientContext?: string;
}

export interface RecordingStatusCommand extends ClientContextCommand {
  status: RecordingStatus;
}

export interface InviteCommand extends ClientContextCommand {
  /** Who to invite, in request order. */
  invitees: Identity[];
  /** The invitationParticipantInfo entries as sent: the operation lists them (participant-invite). */
  echo: Record<string, unknown>[];
}

export interface ScreenSharingRoleCommand {
  role: ScreenSharingRole;
}

export interface TransferCommand extends ClientContextCommand {
  target: Identity;
  /** transferTarget.replacesCallId: a consultative transfer (not simulated). */
  replacesCallId?: string;
}
