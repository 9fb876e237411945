import Database from 'better-sqlite3';
import type { Clock } from '../../domain/clock.js';
import { StoreMisuseError } from '../errors.js';
import type { DeliveryLogPort, DocumentPort, OutboxPort, Store, StoreTx, TimerPort } from '../ports.js';
import { autoCommitPorts } from '../shared/auto-commit.js';
import { Mutex } from '../shared/mutex.js';
import { runScoped, type TxScope } from '../shared/tx-scope.js';
import { DocCache } from './doc-cache.js';
import { migrate } from './migrate.js';
import { sqliteTx } from './sqlite-tx.js';
import { Statements } from './statements.js';

/** How long a connection waits for another process's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;
/** Committed documents kept for reads (calls, conferences, tenants, apps of the live calls). */
const CACHED_DOCS = 10_000;

/**
 * A Store in one SQLite file. better-sqlite3 is synchronous, the port is async: a transaction
 * holds the store's mutex from BEGIN IMMEDIATE to COMMIT while `work` awaits, so transactions
 * never interleave on the single writer connection. Reads outside transactions use a second,
 * query-only connection: under WAL it sees only committed data, never the writer's open
 * transaction.
 */
export class SqliteStore implements Store {
  readonly backend = 'sqlite';
  readonly docs: DocumentPort;
  readonly outbox: OutboxPort;
  readonly timers: TimerPort;
  readonly deliveries: DeliveryLogPort;
  private readonly mutex = new Mutex();
  private readonly writes: Statements;
  private readonly cache = new DocCache(CACHED_DOCS);
  /** Transaction control prepared once: exec() would parse the SQL again for every transaction. */
  private readonly control: Record<'begin' | 'commit' | 'rollback', Database.Statement>;
  /** Documents the open transaction wrote: forgotten by the cache when it commits. */
  private readonly written = new Set<string>();
  private closed = false;

  /** `path` must be a file: the two connections have to see the same database. */
  static open(path: string, clock: Clock): SqliteStore {
    const writer = connect(path);
    let reader: Database.Database | undefined;
    try {
      migrate(writer, clock.now());
      reader = connect(path);
      reader.pragma('query_only = ON');
      return new SqliteStore(writer, reader, clock);
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
  ) {
    this.writes = new Statements(writer, { written: this.written });
    this.control = { begin: writer.prepare('BEGIN IMMEDIATE'), commit: writer.prepare('COMMIT'), rollback: writer.prepare('ROLLBACK') };
    const reads = new Statements(reader, { cache: this.cache });
    const committed = sqliteTx(() => this.whenOpen(reads), clock);
    ({ docs: this.docs, outbox: this.outbox, timers: this.timers, deliveries: this.deliveries } = autoCommitPorts(
      committed,
      (work) => this.transaction(work),
    ));
  }

  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.mutex.run(() => this.runTransaction(work));
  }

  close(): Promise<void> {
    return this.mutex.run(async () => {
      if (this.closed) return;
      this.closed = true;
      this.cache.clear();
      this.reader.close();
      this.writer.close();
    });
  }

  private async runTransaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    const writes = this.whenOpen(this.writes);
    this.control.begin.run();
    try {
      const result = await runScoped(work, (scope) => sqliteTx(scoped(writes, scope), this.clock));
      this.control.commit.run();
      this.cache.forget(this.written);
      return result;
    } catch (error) {
      if (this.writer.inTransaction) this.control.rollback.run();
      throw error;
    } finally {
      this.written.clear();
    }
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
function connect(path: string): Database.Database {
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal') {
      throw new Error(`storage: could not switch ${path} to WAL journal mode`);
    }
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function scoped(statements: Statements, scope: TxScope): () => Statements {
  return () => {
    scope.check();
    return statements;
  };
}
