import pg from 'pg';
import type { Clock } from '../../domain/clock.js';
import { StoreMisuseError } from '../errors.js';
import type { DeliveryLogPort, DocumentPort, OutboxPort, Store, StoreTx, TimerPort } from '../ports.js';
import { autoCommitPorts } from '../shared/auto-commit.js';
import { Mutex, type StoreCheckOptions } from '../shared/mutex.js';
import { runScoped, type TxScope } from '../shared/tx-scope.js';
import { singleStatementPorts } from './single-statement-ports.js';
import { redactDatabaseUrl } from './database-url.js';
import { migrate } from './migrate.js';
import { postgresTx } from './postgres-tx.js';
import { DEFAULT_RETRY_POLICY, TransactionRetrier, type RetryListener, type RetryPolicy } from './retry.js';
import { Statements, type Query } from './statements.js';

/** A node that cannot reach its database should say so at start, not hang. */
const CONNECT_TIMEOUT_MS = 5000;

export interface PostgresStoreOptions extends StoreCheckOptions {
  /** Connections in the pool (one per open transaction plus committed-state reads). */
  poolSize?: number;
  /** How often a transaction PostgreSQL aborted as a deadlock or serialization victim is rerun. */
  retry?: RetryPolicy;
  /** Told about every rerun (the server logs it as a warning). */
  onRetry?: RetryListener;
}

/**
 * A Store on a PostgreSQL database, through a pg Pool. A transaction checks out one client and
 * runs BEGIN … COMMIT on it; transactions of one store still queue on a mutex (the port promises
 * they do not interleave), while several nodes on one database are kept apart by PostgreSQL:
 * row locks on document versions and FOR UPDATE SKIP LOCKED claims. Reads outside transactions
 * go to the pool and see committed data only. Direct writes that are always one statement skip
 * BEGIN/COMMIT (single-statement-ports.ts): every round trip costs CPU in the node and in
 * PostgreSQL, a quarter of a busy node's time before this (docs/perf/scale.md).
 *
 * Lock order inside one unit of work, and why it can still deadlock: a call use case takes the
 * per-stream append locks (advisory, OUTBOX_STREAM_LOCK_CLASS) as it emits events, then timer rows,
 * then, at flush, document rows (FOR UPDATE on the version). Claims never wait (SKIP LOCKED). Two
 * units that emit to the same two streams in different orders, or any future unit that writes a
 * document before appending, can form a cycle across advisory and row locks; PostgreSQL's detector
 * sees both kinds in one wait-for graph and aborts one side with 40P01 after deadlock_timeout.
 * That victim, like a serialization failure, is rerun whole by TransactionRetrier (retry.ts): its
 * work gets a fresh tx, and everything the failed attempt wrote was rolled back.
 */
export class PostgresStore implements Store {
  readonly backend = 'postgres';
  readonly docs: DocumentPort;
  readonly outbox: OutboxPort;
  readonly timers: TimerPort;
  readonly deliveries: DeliveryLogPort;
  /** The database URL with its password masked, for banners and logs. */
  readonly location: string;
  private readonly mutex: Mutex;
  private readonly retrier: TransactionRetrier;
  private closed = false;

  /** Connects, migrates (safe when several nodes start at once) and returns the open store. */
  static async open(url: string, clock: Clock, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // An idle client losing its connection emits 'error' on the pool; unhandled it would crash the
    // process. The next query on the pool reconnects or fails visibly, so there is nothing to do here.
    pool.on('error', () => {});
    try {
      const client = await connect(pool, url);
      try {
        await migrate(client, clock.now());
      } finally {
        client.release();
      }
      return new PostgresStore(pool, clock, redactDatabaseUrl(url), options);
    } catch (error) {
      await pool.end();
      throw error;
    }
  }

  private constructor(
    private readonly pool: pg.Pool,
    private readonly clock: Clock,
    location: string,
    options: PostgresStoreOptions,
  ) {
    this.location = location;
    this.mutex = new Mutex(options);
    this.retrier = new TransactionRetrier(options.retry ?? DEFAULT_RETRY_POLICY, options.onRetry);
    const reads = new Statements(queryOn(pool));
    const committed = postgresTx(() => this.whenOpen(reads), clock);
    const auto = autoCommitPorts(committed, (work) => this.transaction(work));
    ({ docs: this.docs, outbox: this.outbox, timers: this.timers, deliveries: this.deliveries } = singleStatementPorts(auto, (work) =>
      this.mutex.run(() => this.retrier.run(() => this.runSingle(work))),
    ));
  }

  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.mutex.run(() => this.retrier.run(() => this.runTransaction(work)));
  }

  close(): Promise<void> {
    return this.mutex.run(async () => {
      if (this.closed) return;
      this.closed = true;
      await this.pool.end();
    });
  }

  private async runTransaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    this.whenOpen(undefined);
    const client = await this.pool.connect();
    let broken: unknown;
    try {
      await client.query('BEGIN');
      const writes = new Statements(oneAtATime(client));
      try {
        const result = await runScoped(work, (scope) => postgresTx(scoped(writes, scope), this.clock));
        await writes.flush();
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => (broken = rollbackError));
        throw error;
      }
    } finally {
      // A client whose ROLLBACK failed may still be inside a transaction: destroy it, never reuse it.
      client.release(broken instanceof Error ? broken : undefined);
    }
  }

  /** `work` makes one statement (singleStatementPorts): sent on a pooled connection, no BEGIN/COMMIT. */
  private async runSingle<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
    const statements = new Statements(queryOn(this.pool));
    const result = await runScoped(work, (scope) => postgresTx(scoped(this.whenOpen(statements), scope), this.clock));
    // A cancelled timer's delete is deferred (Statements.deleteTimer): this is its statement.
    await statements.flush();
    return result;
  }

  private whenOpen<S>(statements: S): S {
    if (this.closed) throw new StoreMisuseError('storage: the postgres store is closed');
    return statements;
  }
}

async function connect(pool: pg.Pool, url: string): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`storage: cannot connect to PostgreSQL at ${redactDatabaseUrl(url)}: ${reason}`, { cause: error });
  }
}

function queryOn(target: pg.Pool | pg.PoolClient): Query {
  return ({ name, text }, values) => target.query({ name, text, values });
}

/**
 * A transaction's queries, one after another: work may issue several at once (Promise.all over
 * tx reads), which pg 8 queues with a deprecation warning and pg 9 will reject.
 */
function oneAtATime(client: pg.PoolClient): Query {
  let tail: Promise<unknown> = Promise.resolve();
  return ({ name, text }, values) => {
    const result = tail.then(() => client.query({ name, text, values }));
    tail = result.catch(() => undefined);
    return result;
  };
}

function scoped(statements: Statements, scope: TxScope): () => Statements {
  return () => {
    scope.check();
    return statements;
  };
}
