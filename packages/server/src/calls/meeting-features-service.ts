import type { ContentSharingSession, Operation } from '../domain/calls/types.js';
import type { Caller } from './calls-api.js';
import { callContext, type CallContext, type CallServiceDeps } from './call-context.js';
import { getContentSharingSession, listContentSharingSessions } from './features/content-sharing.js';
import type { ClientContextCommand, InviteCommand, RecordingStatusCommand, ScreenSharingRoleCommand, TransferCommand } from './features/features-api.js';
import { inviteParticipants } from './features/invite.js';
import { addLargeGalleryView } from './features/large-gallery.js';
import { updateRecordingStatus } from './features/recording-status.js';
import { changeScreenSharingRole } from './features/screen-sharing.js';
import { transfer } from './features/transfer.js';
import { shareScreen, stopScreenSharing } from './people/share-screen.js';

export type { ClientContextCommand, InviteCommand, RecordingStatusCommand, ScreenSharingRoleCommand, TransferCommand } from './features/features-api.js';

/**
 * The meeting features of issue 4 behind the Graph routes (recording status, large gallery view,
 * content sharing sessions, invite, screen sharing role, transfer) and the people's screen sharing
 * behind the control API. Each method is one store transaction, like CallService; their
 * asynchronous completions run on call timers (features/feature-timers.ts).
 */
export class MeetingFeaturesService {
  private readonly ctx: CallContext;

  constructor(deps: CallServiceDeps) {
    this.ctx = callContext(deps);
  }

  /** 200 + a completed updateRecordingStatusOperation; 8506 unless a compliance recording policy names the app. */
  updateRecordingStatus(caller: Caller, callId: string, command: RecordingStatusCommand): Promise<Operation> {
    return updateRecordingStatus(this.ctx, caller, callId, command);
  }

  /** 202 + a running addLargeGalleryViewOperation. */
  addLargeGalleryView(caller: Caller, callId: string, command: ClientContextCommand): Promise<Operation> {
    return addLargeGalleryView(this.ctx, caller, callId, command);
  }

  listContentSharingSessions(caller: Caller, callId: string): Promise<ContentSharingSession[]> {
    return listContentSharingSessions(this.ctx, caller, callId);
  }

  getContentSharingSession(caller: Caller, callId: string, sessionId: string): Promise<ContentSharingSession> {
    return getContentSharingSession(this.ctx, caller, callId, sessionId);
  }

  /** 200 + a running inviteParticipantsOperation. */
  inviteParticipants(caller: Caller, callId: string, command: InviteCommand): Promise<Operation> {
    return inviteParticipants(this.ctx, caller, callId, command);
  }

  /** 202; a roster update follows when the role changes anything. */
  changeScreenSharingRole(caller: Caller, callId: string, command: ScreenSharingRoleCommand): Promise<void> {
    return changeScreenSharingRole(this.ctx, caller, callId, command);
  }

  /** 202; transferring, then transferAccepted and terminated (0/7015), or back to established (500/7000). */
  transfer(caller: Caller, callId: string, command: TransferCommand): Promise<void> {
    return transfer(this.ctx, caller, callId, command);
  }

  /** A person starts sharing their screen (control API / CLI). */
  shareScreen(conferenceId: string, participantId: string): Promise<ContentSharingSession> {
    return shareScreen(this.ctx, conferenceId, participantId);
  }

  /** A person stops sharing their screen. */
  stopScreenSharing(conferenceId: string, participantId: string): Promise<void> {
    return stopScreenSharing(this.ctx, conferenceId, participantId);
  }
}
