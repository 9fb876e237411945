import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A throw-away PostgreSQL database on the admin server: the nodes' URL, and how to measure and drop it. */
export interface BenchDatabase {
  url: string;
  name: string;
  /** Size and rows of each table after the run (pg_total_relation_size: heap + indexes + TOAST). */
  tableSizes(): Promise<TableSize[]>;
  /** Documents per kind (calls, conferences, meetings…) with their JSON bytes. */
  documentKinds(): Promise<DocumentKind[]>;
  drop(): Promise<void>;
}

export interface TableSize {
  table: string;
  rows: number;
  bytes: number;
}

export interface DocumentKind {
  kind: string;
  rows: number;
  jsonBytes: number;
}

const TABLES = ['documents', 'outbox', 'timers', 'deliveries', 'schema_migrations'];

/** Creates `switchboard_bench_<random>`; the name is generated here, so it is safe to splice into DDL. */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `switchboard_bench_${randomBytes(6).toString('hex')}`;
  await onAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const onBench = <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => onAdmin(url.toString(), work);
  return {
    url: url.toString(),
    name,
    tableSizes: () => onBench(readTableSizes),
    documentKinds: () => onBench(readDocumentKinds),
    // FORCE (PostgreSQL 13+) ends sessions a killed node may have left behind.
    drop: () => onAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function readTableSizes(client: pg.Client): Promise<TableSize[]> {
  const sizes: TableSize[] = [];
  for (const table of TABLES) {
    const { rows } = await client.query<{ rows: string; bytes: string }>(`SELECT (SELECT count(*) FROM ${table}) AS rows, pg_total_relation_size('${table}') AS bytes`);
    sizes.push({ table, rows: Number(rows[0]?.rows), bytes: Number(rows[0]?.bytes) });
  }
  return sizes;
}

async function readDocumentKinds(client: pg.Client): Promise<DocumentKind[]> {
  const { rows } = await client.query<{ kind: string; rows: string; bytes: string }>(
    'SELECT kind, count(*) AS rows, sum(octet_length(data)) AS bytes FROM documents GROUP BY kind ORDER BY kind',
  );
  return rows.map((row) => ({ kind: row.kind, rows: Number(row.rows), jsonBytes: Number(row.bytes) }));
}

async function onAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
