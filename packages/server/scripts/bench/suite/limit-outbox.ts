/**
 * The machine's own limit for a durable write + durable outbox + delivery (issue 9): the least
 * work shaped like Switchboard's, with no domain, no signing and no delivery log. better-sqlite3
 * with the store's pragmas (WAL, synchronous=NORMAL). A row is appended inside the caller's
 * transaction; the loop claims the oldest rows (one in flight per stream, `concurrency` at once),
 * POSTs each with an undici Pool and deletes it after the 2xx, one commit per delivered row.
 */
import Database from 'better-sqlite3';
import { Pool } from 'undici';

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

/** The store's pragmas (src/storage/sqlite): WAL, synchronous=NORMAL. */
function openTable(file: string): { db: Database.Database; insert: Database.Statement; claim: Database.Statement<[number], Row>; remove: Database.Statement } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, stream INTEGER NOT NULL, body TEXT NOT NULL)');
  return {
    db,
    insert: db.prepare('INSERT INTO outbox (stream, body) VALUES (?, ?)'),
    claim: db.prepare<[number], Row>(`SELECT seq, stream, body FROM outbox WHERE seq > ? ORDER BY seq LIMIT ${CLAIM_LIMIT}`),
    remove: db.prepare('DELETE FROM outbox WHERE seq = ?'),
  };
}

export function openLimitOutbox(file: string, receiverBase: string, concurrency: number): LimitOutbox {
  const { db, insert, claim, remove } = openTable(file);
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
    remove.run(row.seq);
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
      db.close();
    },
  };
}
