/**
 * The machine's own limit for a durable write + durable outbox + delivery (issue 9): the least
 * work shaped like Switchboard's, with no domain, no signing and no delivery log. better-sqlite3
 * with the store's pragmas (WAL, synchronous=NORMAL) and its commit strategy: the writes of one
 * event-loop turn share a commit (`perTurn`), checkpoints run in a worker (the store's
 * Checkpointer). A row is appended inside the caller's transaction; the loop claims the oldest rows
 * (one in flight per stream, `concurrency` at once), POSTs each with an undici Pool and deletes
 * it after the 2xx, the deletes of one turn in one commit.
 */
import Database from 'better-sqlite3';
import { Pool } from 'undici';
import { AUTO_CHECKPOINT_PAGES, Checkpointer } from '../../../src/storage/sqlite/checkpointer.js';

export interface LimitOutbox {
  db: Database.Database;
  /** Appends a row; call inside a transaction of `db`, then `nudge()` after the commit. */
  append(stream: number, body: string): void;
  nudge(): void;
  /** Resolves once every appended row was delivered and deleted. */
  drained(): Promise<void>;
  delivered(): number;
  close(): Promise<void>;
}

interface Row {
  seq: number;
  stream: number;
  body: string;
}

const CLAIM_LIMIT = 64;

/**
 * Group commit as the store does it: items of one event-loop turn go to `commit` together, once
 * the turn is over, and each caller resolves after that commit.
 */
export function perTurn<T>(commit: (items: T[]) => void): (item: T) => Promise<void> {
  let pending: { item: T; done: () => void }[] = [];
  const flush = (): void => {
    const batch = pending;
    pending = [];
    commit(batch.map((entry) => entry.item));
    for (const entry of batch) entry.done();
  };
  return (item) =>
    new Promise<void>((done) => {
      pending.push({ item, done });
      if (pending.length === 1) setImmediate(flush);
    });
}

/** The store's pragmas (src/storage/sqlite): WAL, synchronous=NORMAL. */
function openTable(file: string): { db: Database.Database; insert: Database.Statement; claim: Database.Statement<[number], Row>; removeAll: (seqs: number[]) => void; checkpointer: Checkpointer } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, stream INTEGER NOT NULL, body TEXT NOT NULL)');
  const remove = db.prepare('DELETE FROM outbox WHERE seq = ?');
  return {
    db,
    insert: db.prepare('INSERT INTO outbox (stream, body) VALUES (?, ?)'),
    claim: db.prepare<[number], Row>(`SELECT seq, stream, body FROM outbox WHERE seq > ? ORDER BY seq LIMIT ${CLAIM_LIMIT}`),
    removeAll: db.transaction((seqs: number[]) => {
      for (const seq of seqs) remove.run(seq);
    }),
    checkpointer: new Checkpointer(file, 5000, () => db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`)),
  };
}

export function openLimitOutbox(file: string, receiverBase: string, concurrency: number): LimitOutbox {
  const { db, insert, claim, removeAll, checkpointer } = openTable(file);
  const removed = perTurn<number>(removeAll);
  const base = new URL(receiverBase);
  const pool = new Pool(base.origin, { connections: concurrency });
  const queue: Row[] = [];
  const busy = new Set<number>();
  const waiters: (() => void)[] = [];
  let claimedUpTo = 0;
  let count = 0;

  const refill = (): void => {
    for (const row of claim.all(claimedUpTo)) {
      queue.push(row);
      claimedUpTo = row.seq;
    }
  };
  const post = async (row: Row): Promise<void> => {
    const response = await pool.request({ path: `${base.pathname}${row.stream}`, method: 'POST', headers: { 'content-type': 'application/json' }, body: row.body });
    await response.body.dump();
    if (response.statusCode >= 300) throw new Error(`receiver answered ${response.statusCode}`);
    await removed(row.seq);
    count += 1;
  };
  const pump = (): void => {
    if (queue.length < CLAIM_LIMIT) refill();
    for (let i = 0; i < queue.length && busy.size < concurrency; ) {
      const row = queue[i] as Row;
      if (busy.has(row.stream)) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      busy.add(row.stream);
      // A failed POST stays first in line and is retried, as an outbox must.
      void post(row)
        .catch(() => queue.unshift(row))
        .finally(() => {
          busy.delete(row.stream);
          pump();
        });
    }
    if (queue.length === 0 && busy.size === 0) for (const wake of waiters.splice(0)) wake();
  };
  return {
    db,
    append: (stream, body) => void insert.run(stream, body),
    nudge: pump,
    drained: () => new Promise<void>((resolve) => {
      waiters.push(resolve);
      pump();
    }),
    delivered: () => count,
    close: async () => {
      await pool.close();
      await checkpointer.stop();
      db.close();
    },
  };
}
