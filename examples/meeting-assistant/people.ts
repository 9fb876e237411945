import type { V1 } from '@switchboard/calling-bot';

/** What the assistant remembers about one person in the meeting. */
export interface Person {
  id: string;
  name: string;
  inLobby: boolean;
  muted: boolean;
  sharing: boolean;
}

type Identity = { id?: string | null; displayName?: string | null } | null | undefined;
type Identities = Record<'user' | 'application' | 'guest' | 'phone' | 'applicationInstance', Identity>;

/** The roster entry's identities (communicationsIdentitySet adds guest and phone to Graph's identitySet). */
function identitiesOf(participant: V1.Participant): Partial<Identities> {
  return (participant.info?.identity ?? {}) as Partial<Identities>;
}

/** The display name Teams would show. */
export function nameOf(participant: V1.Participant): string {
  const { user, guest, phone, application, applicationInstance } = identitiesOf(participant);
  const who = user ?? guest ?? phone ?? application ?? applicationInstance;
  return who?.displayName ?? who?.id ?? participant.id ?? '(unknown)';
}

/** The bot's own leg appears in the roster under its app id. */
export function isApp(participant: V1.Participant, appId: string): boolean {
  return identitiesOf(participant).application?.id?.toLowerCase() === appId.toLowerCase();
}

/** A roster entry reduced to what the assistant reacts to. Screen sharing shows as a videoBasedScreenSharing stream. */
export function personOf(participant: V1.Participant): Person {
  const sharing = (participant.mediaStreams ?? []).some((stream) => stream.mediaType === 'videoBasedScreenSharing' && stream.direction !== 'inactive');
  return { id: participant.id ?? '', name: nameOf(participant), inLobby: participant.isInLobby === true, muted: participant.isMuted === true, sharing };
}

/** Who is present, by participant id, and who unmuted last (the one `*6` mutes). */
export class People {
  readonly present = new Map<string, Person>();
  lastUnmutedId: string | undefined;

  /** Records the entry; returns the person as held before (undefined for a newcomer). */
  update(person: Person): Person | undefined {
    const before = this.present.get(person.id);
    this.present.set(person.id, person);
    if (!person.muted && (before?.muted ?? true)) this.lastUnmutedId = person.id;
    return before;
  }

  remove(id: string): Person | undefined {
    const person = this.present.get(id);
    this.present.delete(id);
    return person;
  }

  /** A present person by display name (case-insensitive; a first name is enough). */
  byName(name: string): Person | undefined {
    const wanted = name.trim().toLowerCase();
    const people = [...this.present.values()];
    return people.find((p) => p.name.toLowerCase() === wanted) ?? people.find((p) => p.name.toLowerCase().split(' ')[0] === wanted);
  }
}
