import type { Bot } from '@switchboard/calling-bot';
import type { Journal } from './journal.js';
import type { Person } from './people.js';

interface Held {
  person: Person;
  groupId?: string;
  onHold?: boolean;
  /** Settles once the group exists and the hold music plays. */
  ready: Promise<void>;
}

/**
 * Late joiners wait apart until someone admits them: a private audio routing group (the assistant
 * → them only) and hold music. Graph lets one participant of a meeting be on hold at a time
 * (participant-startholdmusic), so late joiners queue and are held one after the other.
 */
export class LateJoiners {
  private current: Held | undefined;
  private readonly queue: Person[] = [];

  constructor(
    private readonly bot: Bot,
    private readonly callId: string,
    private readonly assistantId: () => string | undefined,
    private readonly journal: Journal,
  ) {}

  /** The person on hold now, if any. */
  get held(): Person | undefined {
    return this.current?.person;
  }

  /** Names of everyone held or waiting their turn. */
  get waiting(): string[] {
    return [...(this.current ? [this.current.person.name] : []), ...this.queue.map((p) => p.name)];
  }

  hold(person: Person): void {
    if (this.current?.person.id === person.id || this.queue.some((p) => p.id === person.id)) return;
    this.queue.push(person);
    if (!this.current) this.holdNext();
  }

  /** Admits the named late joiner (or the one on hold): hold music off, private group removed. */
  async admit(name?: string): Promise<Person | undefined> {
    const current = this.current;
    if (!current || (name && !matches(current.person, name))) return this.dropQueued(name);
    await current.ready;
    this.current = undefined;
    if (current.onHold) await this.bot.call(this.callId).participant(current.person.id).stopHoldMusic();
    if (current.groupId) await this.bot.client.audioRoutingGroups(this.callId).delete(current.groupId);
    this.journal.add('late-released', `${current.person.name} was admitted: hold music stopped, back in the meeting's audio`, current.person.name);
    this.holdNext();
    return current.person;
  }

  /** Someone on hold or queued left the meeting. */
  forget(id: string): void {
    const index = this.queue.findIndex((p) => p.id === id);
    if (index >= 0) this.queue.splice(index, 1);
    if (this.current?.person.id !== id) return;
    this.current = undefined;
    this.holdNext();
  }

  private holdNext(): void {
    const person = this.queue.shift();
    if (!person) return;
    const held: Held = { person, ready: Promise.resolve() };
    held.ready = this.startHold(held).catch((error: unknown) => this.journal.add('problem', `could not hold ${person.name}: ${String(error)}`, person.name));
    this.current = held;
  }

  private async startHold(held: Held): Promise<void> {
    const source = this.assistantId();
    if (source) {
      const group = await this.bot.client.audioRoutingGroups(this.callId).create({ routingMode: 'oneToOne', sources: [source], receivers: [held.person.id] });
      held.groupId = group.id ?? undefined;
    }
    await this.bot.call(this.callId).participant(held.person.id).startHoldMusic();
    held.onHold = true;
    this.journal.add('late-held', `${held.person.name} joined late: in a private audio group with hold music until admitted`, held.person.name);
  }

  private dropQueued(name: string | undefined): Person | undefined {
    const index = name ? this.queue.findIndex((p) => matches(p, name)) : -1;
    if (index < 0) return undefined;
    const [person] = this.queue.splice(index, 1);
    this.journal.add('late-released', `${person!.name} was admitted before their turn on hold`, person!.name);
    return person;
  }
}

function matches(person: Person, name: string): boolean {
  const wanted = name.trim().toLowerCase();
  return person.name.toLowerCase() === wanted || person.name.toLowerCase().split(' ')[0] === wanted;
}
