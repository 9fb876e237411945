import { removeParticipant, type NewParticipant } from './roster.js';
import type { Conference, Identity, Transition } from './types.js';

/**
 * The large gallery view (call-addlargegalleryview) joins the roster as a participant of its own.
 * How bots recognise it (concept page cloud-communications-identifylargegalleryview): an
 * application identity with `ApplicationType: LargeGallery-V2`, a `main-video` stream that is
 * `sendReceive`, and `metadata` holding a JSON string that names the gallery page.
 */
export const LARGE_GALLERY_APPLICATION_TYPE = 'LargeGallery-V2';

export interface GalleryPage {
  participantId: string;
  /** The app leg that asked for it; the gallery leaves with that leg. */
  ownerCallId: string;
  /** Id of the platform's gallery application (the docs redact it). */
  applicationId: string;
  page: number;
}

/** The metadata string, shaped as the concept page's example (hidden in clients, one audience view page). */
export function galleryMetadata(viewId: string, page: number): string {
  return JSON.stringify({ __platform: { ui: { hidden: true } }, audienceView: { id: `${viewId}/${page}`, page, status: 'active', type: 'lg' } });
}

export function galleryParticipant(gallery: GalleryPage): NewParticipant {
  const identity: Identity = { kind: 'application', id: gallery.applicationId, displayName: 'Large gallery view', applicationType: LARGE_GALLERY_APPLICATION_TYPE };
  return {
    id: gallery.participantId,
    kind: 'virtual',
    identity,
    isMuted: false,
    isInLobby: false,
    audio: 'inactive',
    video: 'sendReceive',
    screenSharing: 'inactive',
    serverMuted: false,
    metadata: galleryMetadata(gallery.ownerCallId, gallery.page),
    ownerCallId: gallery.ownerCallId,
  };
}

/** Each addLargeGalleryView of a leg adds the next page. */
export function nextGalleryPage(conference: Conference, ownerCallId: string): number {
  return conference.participants.filter((p) => p.kind === 'virtual' && p.ownerCallId === ownerCallId).length + 1;
}

/** The galleries of a leg leave with it: nobody else asked for them. */
export function dropVirtualParticipantsOf(conference: Conference, ownerCallId: string): Transition<Conference> {
  const owned = conference.participants.filter((p) => p.kind === 'virtual' && p.ownerCallId === ownerCallId);
  return owned.reduce<Transition<Conference>>((done, participant) => {
    const next = removeParticipant(done.value, participant.id);
    return { value: next.value, events: [...done.events, ...next.events] };
  }, { value: conference, events: [] });
}
