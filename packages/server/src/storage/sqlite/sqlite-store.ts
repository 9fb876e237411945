import Database from 'better-sqlite3';
import type { Clock } from '../../domain/clock.js';
import { StoreMisuseError } from '../errors.js';
import type { DeliveryLogPort, DocumentPort, OutboxPort, Store, StoreTx, TimerPort } from '../ports.js';
import { autoCommitPorts } from '../shared/auto-commit.js';
import { Mutex, type StoreCheckOptions } from '../shared/mutex.js';
import { runScoped, type TxScope } from '../shared/tx-scope.js';
import { DocCache, type CachedDoc } from './doc-cache.js';
import { AUTO_CHECKPOINT_PAGES, Checkpointer } from './checkpointer.js';
import { GroupCommit } from './group-commit.js';
import { migrate } from './migrate.js';
import { sqliteTx } from './sqlite-tx.js';
import { Statements } from './statements.js';

/** How long a connection waits for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;
/** Committed documents kept for reads (calls, conferences, tenants, apps of the live calls). */
const CACHED_DOCS = 10_000;

/**
 * A Store in one SQLite file. better-sqlite3 is synchronous, the port is async: transactions run
 * one at a time under the store's mutex while `work` awaits, so they never interleave on the
 * single writer connection; those that queued up share one COMMIT (group-commit.ts). Reads outside transactions use a second,
 * query-only connection: under WAL it sees only committed data, never the writer's open
 * transaction.
 */
export class SqliteStore implements Store {
  readonly backend = 'sqlite';
  readonly docs: DocumentPort;
  readonly outbox: OutboxPort;
  readonly timers: TimerPort;
  readonly deliveries: DeliveryLogPort;
  private readonly mutex: Mutex;
  private readonly writes: Statements;
  private readonly cache = new DocCache(CACHED_DOCS);
  private readonly commits: GroupCommit;
  private readonly checkpointer: Checkpointer;
  /** Documents the open transaction wrote, with the rows written (DocTracking). */
  private readonly written = new Map<string, CachedDoc | undefined>();
  /** A member of the open group was rolled back to its savepoint: `written` may hold rows it undid. */
  private undoneInGroup = false;
  private closed = false;
  /** The writer's PRAGMA data_version at the last BEGIN (forgetOthersWrites). */
  private seenDataVersion = -1;

  /** `path` must be a file: the two connections have to see the same database. */
  static open(path: string, clock: Clock, checks: StoreCheckOptions = {}): SqliteStore {
    const writer = connect(path);
    let reader: Database.Database | undefined;
    try {
      migrate(writer, clock.now());
      reader = connect(path);
      reader.pragma('query_only = ON');
      return new SqliteStore(writer, reader, clock, path, checks);
    } catch (error) {
      reader?.close();
      writer.close();
      throw error;
    }
  }

  private constructor(
    private readonly writer: Database.Database,
    private readonly reader: Database.Database,
    private readonly clock: Clock,
    path: string,
    checks: StoreCheckOptions,
  ) {
    this.mutex = new Mutex(checks);
    this.checkpointer = checkpointOffThread(writer, path);
    this.writes = new Statements(writer, { written: this.written, cache: this.cache });
    const dataVersion = writer.prepare('PRAGMA data_version').pluck();
    this.commits = new GroupCommit(writer, GroupCommit.control(writer), this.mutex, {
      open: () => this.whenOpen(this.writes),
      began: () => this.forgetOthersWrites(dataVersion.get() as number),
      undone: () => (this.undoneInGroup = true),
      ended: (committed) => this.settleWritten(committed),
    });
    const reads = new Statements(reader, { cache: this.cache });
    const committed = sqliteTx(() => this.whenOpen(reads), clock);
    ({ docs: this.docs, outbox: this.outbox, timers: this.timers, deliveries: this.deliveries } = autoCommitPorts(
      committed,
      (work) => this.transaction(work),
    ));
  }

  /** Transactions that queue behind each other share one COMMIT (group-commit.ts). */
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.commits.run(() => runScoped(work, (scope) => sqliteTx(scoped(this.writes, scope), this.clock)));
  }

  close(): Promise<void> {
    return this.mutex.run(async () => {
      if (this.closed) return;
      this.closed = true;
      await this.checkpointer.stop();
      this.cache.clear();
      this.reader.close();
      this.writer.close();
    });
  }

  /**
   * The writer's data_version moves only when another connection commits (one process per file is
   * the supported setup, but a second store on the file, a CLI or a test may write). Transactions
   * read through the cache, so it is dropped before the first one that could see such a write.
   */
  private forgetOthersWrites(dataVersion: number): void {
    if (dataVersion !== this.seenDataVersion) this.cache.clear();
    this.seenDataVersion = dataVersion;
  }

  /**
   * After a group: when it committed and no member was undone, the cache holds what was written
   * (a mute's next read of its conference header then needs no query); otherwise the documents
   * written are read from the database again.
   */
  private settleWritten(committed: boolean): void {
    if (committed && !this.undoneInGroup) for (const [key, row] of this.written) this.cache.committed(key, row);
    else this.cache.forget(this.written.keys());
    this.written.clear();
    this.undoneInGroup = false;
  }

  private whenOpen(statements: Statements): Statements {
    if (this.closed) throw new StoreMisuseError('storage: the sqlite store is closed');
    return statements;
  }
}

/**
 * WAL with synchronous = NORMAL: a commit is appended to the WAL before COMMIT returns, so a
 * committed transaction survives the process crashing or being killed (the OS still holds the
 * written pages). Only an OS crash or power loss can drop the last few commits, and even then the
 * database stays consistent. That trade buys commits without an fsync each.
 */
export function connect(path: string): Database.Database {
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal') {
      throw new Error(`storage: could not switch ${path} to WAL journal mode`);
    }
    db.pragma('synchronous = NORMAL');
    // A group commit gives each member a SAVEPOINT, so pages the group already changed are copied
    // to the sub-journal. Past 64 KiB SQLite spills that journal to a temporary file: an open,
    // unlink, writes and close per group, 4 % of a callback burst's CPU (docs/perf/callbacks.md,
    // session 7). In memory it is a few page copies, freed at the commit.
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Hands checkpoints to a worker thread; SQLite's auto-checkpoint comes back if the worker fails. */
function checkpointOffThread(writer: Database.Database, path: string): Checkpointer {
  writer.pragma('wal_autocheckpoint = 0');
  return new Checkpointer(path, BUSY_TIMEOUT_MS, () => {
    if (writer.open) writer.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  });
}

function scoped(statements: Statements, scope: TxScope): () => Statements {
  return () => {
    scope.check();
    return statements;
  };
}
