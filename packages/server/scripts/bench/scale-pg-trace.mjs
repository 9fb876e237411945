/**
 * Preloaded into a benchmark node (NODE_OPTIONS=--import, SWITCHBOARD_BENCH_PG_TRACE=<file>) to
 * learn what the PostgreSQL store sends per bot session: every statement pg is asked to run, by
 * connection, grouped into transactions (BEGIN … COMMIT/ROLLBACK) or standalone reads. Plain .mjs
 * because NODE_OPTIONS imports run before tsx is registered. Written to the file on exit; the
 * node's own shape is not changed (counting only, no values kept).
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const file = process.env.SWITCHBOARD_BENCH_PG_TRACE;
// Resolved from the server package: the node imports this very module instance.
const pg = createRequire(new URL('../../package.json', import.meta.url))('pg');
const shapes = new Map();
const open = new WeakMap();
let statements = 0;
let recording = false;

/** Statement texts shortened to a name: the first words and the table, whitespace collapsed. */
function nameOf(text) {
  const flat = String(text).replace(/\s+/g, ' ').trim();
  if (/^(BEGIN|COMMIT|ROLLBACK)$/.test(flat)) return flat;
  return flat.slice(0, 90);
}

function note(client, text) {
  const name = nameOf(text);
  if (recording) statements += 1;
  const current = open.get(client);
  if (name === 'BEGIN') return void open.set(client, ['BEGIN']);
  if (current) {
    current.push(name);
    if (name === 'COMMIT' || name === 'ROLLBACK') finish(client, current);
    return;
  }
  count(JSON.stringify([name]));
}

function finish(client, steps) {
  open.delete(client);
  count(JSON.stringify(steps));
}

function count(key) {
  if (recording) shapes.set(key, (shapes.get(key) ?? 0) + 1);
}

if (file) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function traced(config, ...rest) {
    note(this, typeof config === 'string' ? config : config?.text);
    return query.call(this, config, ...rest);
  };
  // SIGUSR1 is the inspector's; SIGUSR2 starts recording, SIGWINCH writes and stops.
  process.on('SIGUSR2', () => (recording = true));
  process.on('SIGWINCH', () => {
    recording = false;
    const sorted = [...shapes].sort((a, b) => b[1] - a[1]).map(([shape, n]) => ({ n, steps: JSON.parse(shape) }));
    writeFileSync(`${file}-${process.pid}.json`, `${JSON.stringify({ statements, shapes: sorted }, null, 1)}\n`);
  });
}
