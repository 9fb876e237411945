/**
 * The client's view of a load run on several nodes: which roster changes were acknowledged, which
 * were refused, and which are unknown (the request died with its node: it may or may not have
 * committed). Only acknowledged changes are promised; a person touched by an unknown request is
 * left out of the exact checks.
 */
import type { Notice } from './notifications.js';

export type ChangeKind = 'join' | 'mute' | 'unmute' | 'leave';

export interface AckedChange {
  kind: ChangeKind;
  participantId: string;
  /** The roster version the change got (control-API mute/unmute answer with the entry). */
  rosterSequenceNumber?: number;
}

export interface Person {
  participantId: string;
  conferenceId: string;
  present: boolean;
  muted: boolean;
  /** False once a request about this person failed without an answer. */
  certain: boolean;
}

export class LoadModel {
  readonly people: Person[] = [];
  readonly acked: AckedChange[] = [];
  readonly counts = { acked: 0, refused: 0, unknown: 0 };
  /** Refusals by HTTP status (409: a concurrent change to the same conference won). */
  readonly refusals: Record<number, number> = {};

  ack(change: AckedChange): void {
    this.acked.push(change);
    this.counts.acked++;
  }

  refuse(status: number): void {
    this.counts.refused++;
    this.refusals[status] = (this.refusals[status] ?? 0) + 1;
  }

  /** Counts for the test log, the roster changes by kind (the bot's own apart). */
  summary(botParticipantId: string): string {
    const kinds = new Map<string, number>();
    for (const { kind, participantId } of this.acked) {
      const label = participantId === botParticipantId ? `bot ${kind}` : kind;
      kinds.set(label, (kinds.get(label) ?? 0) + 1);
    }
    return `${JSON.stringify(this.counts)} (roster changes: ${[...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ')})`;
  }

  certainPeople(): Person[] {
    return this.people.filter((person) => person.certain);
  }

  /** The acknowledged changes of people whose every request was answered. */
  certainChanges(): AckedChange[] {
    const certain = new Set(this.certainPeople().map((person) => person.participantId));
    return this.acked.filter((change) => certain.has(change.participantId));
  }
}

/** Whether a roster notification reflects the acknowledged change. */
export function reflects(notice: Notice, change: AckedChange): boolean {
  const entry = notice.participants?.find((p) => p.id === change.participantId);
  if (!entry) return false;
  if (change.kind === 'leave') return notice.changeType === 'deleted';
  if (notice.changeType !== 'updated') return false;
  if (change.kind === 'join') return true;
  // A Graph mute answers with its operation, not the entry: only the state can be matched then.
  const version = change.rosterSequenceNumber;
  return entry.isMuted === (change.kind === 'mute') && (version === undefined || entry.rosterSequenceNumber === version);
}

/** The highest roster version a notification carries (a change's entries all carry the same). */
export const rosterVersion = (notice: Notice): number => Math.max(...(notice.participants ?? []).map((p) => p.rosterSequenceNumber));
