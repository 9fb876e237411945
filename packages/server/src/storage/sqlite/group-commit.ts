import type Database from 'better-sqlite3';
import type { Mutex } from '../shared/mutex.js';

/** One caller's transaction: its work, and how to settle the caller once the group commits. */
interface Member {
  work: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** A member whose work finished; it is settled only when the group's COMMIT is done. */
interface Done {
  member: Member;
  value: unknown;
}

/**
 * The most members one COMMIT carries. A group only forms from transactions already waiting, so
 * this bounds how long the first of them waits for its COMMIT under a steady queue.
 */
const MAX_GROUP = 64;

/** What the store does around a group: check it is open, look for other writers, forget what was written. */
export interface GroupHooks {
  /** Before BEGIN; throws when the store is closed. */
  open(): void;
  /** Right after BEGIN IMMEDIATE, holding the write lock. */
  began(): void;
  /** A member was rolled back to its savepoint (the group goes on). */
  undone(): void;
  /** After COMMIT (`committed`) or ROLLBACK. */
  ended(committed: boolean): void;
}

type Control = Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo', Database.Statement>;

/**
 * Group commit on SQLite's single writer connection. Transactions that queued up behind the one
 * running share its BEGIN IMMEDIATE … COMMIT: each runs in its own SAVEPOINT, so a failing one
 * rolls back only its own writes and is rejected at once; the others are settled after the one
 * COMMIT, so nobody hears of a write before it is durable. A COMMIT costs about as much as the
 * rest of a mute (docs/perf/http.md, "Mute, round 2"), and mutes and callback outcomes arrive in
 * bursts from one I/O poll, which is what a group takes. Runs one group at a time under `mutex`,
 * so close() and re-entry detection work as with plain transactions.
 */
export class GroupCommit {
  private readonly queue: Member[] = [];
  private draining = false;

  constructor(
    private readonly writer: Database.Database,
    private readonly control: Control,
    private readonly mutex: Mutex,
    private readonly hooks: GroupHooks,
  ) {}

  static control(writer: Database.Database): Control {
    return {
      begin: writer.prepare('BEGIN IMMEDIATE'),
      commit: writer.prepare('COMMIT'),
      rollback: writer.prepare('ROLLBACK'),
      savepoint: writer.prepare('SAVEPOINT member'),
      release: writer.prepare('RELEASE member'),
      rollbackTo: writer.prepare('ROLLBACK TO member'),
    };
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.mutex.assertNotHeld();
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      await this.mutex.run(async () => {
        while (this.queue.length > 0) await this.group();
      });
    } finally {
      this.draining = false;
      // A transaction queued after the loop's last look but before this point would wait forever.
      if (this.queue.length > 0) void this.drain();
    }
  }

  /** One BEGIN … COMMIT over the members waiting now (and those that join while it runs). */
  private async group(): Promise<void> {
    const first = this.queue[0]!;
    try {
      this.hooks.open();
      this.control.begin.run();
      this.hooks.began();
    } catch (error) {
      if (this.writer.inTransaction) this.control.rollback.run();
      this.queue.shift();
      first.reject(error);
      return;
    }
    const done: Done[] = [];
    await this.runQueued(done);
    if (this.canGrow(done) && (await this.moreArrived())) await this.runQueued(done);
    this.finish(done);
  }

  private async runQueued(done: Done[]): Promise<void> {
    while (this.queue.length > 0 && this.canGrow(done)) await this.member(this.queue.shift()!, done);
  }

  private canGrow(done: Done[]): boolean {
    return done.length < MAX_GROUP && this.writer.inTransaction;
  }

  /**
   * Lets the event loop finish its turn once before committing. Each request's handler runs to
   * its transaction and back within its own I/O callback, so without this wait the next request
   * of the same poll never finds a group open; with it, every request of the turn joins. Only
   * once: under a steady trickle, waiting turn after turn would hold the first member's answer.
   */
  private async moreArrived(): Promise<boolean> {
    await new Promise((resolve) => setImmediate(resolve));
    return this.queue.length > 0;
  }

  private async member(member: Member, done: Done[]): Promise<void> {
    this.control.savepoint.run();
    try {
      const value = await member.work();
      this.control.release.run();
      done.push({ member, value });
    } catch (error) {
      this.undo(member, error, done);
    }
  }

  /**
   * Rolls back one member. Some SQLite errors (SQLITE_FULL, SQLITE_IOERR) end the whole
   * transaction by themselves; then the members before it lost their writes too and fail with it.
   */
  private undo(member: Member, error: unknown, done: Done[]): void {
    this.hooks.undone();
    if (this.writer.inTransaction) {
      this.control.rollbackTo.run();
      this.control.release.run();
    } else {
      for (const earlier of done.splice(0)) earlier.member.reject(error);
    }
    member.reject(error);
  }

  private finish(done: Done[]): void {
    let committed = false;
    try {
      if (this.writer.inTransaction) {
        this.control.commit.run();
        committed = true;
      }
    } catch (error) {
      if (this.writer.inTransaction) this.control.rollback.run();
      for (const { member } of done) member.reject(error);
      return;
    } finally {
      this.hooks.ended(committed);
    }
    for (const { member, value } of done) member.resolve(value);
  }
}
