/**
 * A/B of two copies of the server tree on one scale configuration, interleaved round by round
 * (A B, B A, …), for changes whose effect is smaller than the machine's drift (docs/perf/scale.md).
 * Each side is a frozen copy that contains `packages/server/{src,scripts,package.json}` (and a
 * `console-dist` link), e.g. under packages/server/.bench/ab/before and …/after, so node_modules
 * still resolves from the repository:
 *
 *   npx tsx scripts/bench/scale-ab.ts <dir-a> <dir-b> [rounds=3] [seconds=15] [postgres-1|postgres-2|sqlite-1]
 */
import { resolve } from 'node:path';

const [a, b, roundsArg = '3', seconds = '15', config = 'postgres-1'] = process.argv.slice(2);
if (!a || !b) {
  process.stderr.write('usage: scale-ab.ts <dir-a> <dir-b> [rounds] [seconds] [configuration]\n');
  process.exit(2);
}

interface Side {
  name: string;
  config: typeof import('./scale-config.js');
  options: typeof import('./scale-options.js');
  limit: typeof import('./suite/scale-limit.js');
}

async function load(dir: string): Promise<Side> {
  const base = `${resolve(dir)}/packages/server/scripts/bench`;
  return { name: dir, config: await import(`${base}/scale-config.ts`), options: await import(`${base}/scale-options.ts`), limit: await import(`${base}/suite/scale-limit.ts`) };
}

const sides = [await load(a), await load(b)];
for (let round = 0; round < Number(roundsArg); round += 1) {
  for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
    const options = side.options.parseScaleOptions(['--duration', seconds], new Date());
    if (options === 'help') throw new Error('unreachable');
    const run = await side.config.runConfiguration(config as 'postgres-1', options, performance.now() + 200_000, { servers: [] });
    const cost = side.limit.requestCost(run);
    const us = (value: number | undefined): number => Math.round(value ?? NaN);
    process.stdout.write(`${JSON.stringify({ round, side: side.name, rate: Number(side.limit.rate(run).toFixed(1)), errors: run.errors.length, nodesUs: us(cost?.nodesUs), pgUs: us(cost?.postgresUs), loadUs: us(cost?.loadUs), totalUs: us(cost?.totalUs), otherPct: Math.round((cost?.otherMsPerSecond ?? NaN) / 10) })}\n`);
  }
}
process.exit(0);
