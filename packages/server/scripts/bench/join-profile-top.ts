/**
 * The top functions of a V8 .cpuprofile (node --cpu-prof) by self time, and by total time for
 * functions of this repository (src/): what docs/perf/join.md lists.
 *
 *   npx tsx scripts/bench/join-profile-top.ts <file.cpuprofile> [count]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, countArg] = process.argv.slice(2);
if (!file) throw new Error('usage: join-profile-top.ts <file.cpuprofile> [count]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const count = Number(countArg ?? 15);
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const self = new Map<string, number>();
const total = new Map<string, number>();
profile.samples.forEach((id, index) => {
  const ms = (profile.timeDeltas[index] ?? 0) / 1000;
  self.set(label(id), (self.get(label(id)) ?? 0) + ms);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(label(at));
  for (const name of seen) total.set(name, (total.get(name) ?? 0) + ms);
});
const all = [...self.values()].reduce((sum, ms) => sum + ms, 0);
print('self', self, () => true);
print('total (src/ only)', total, (name) => /(^\S+ )src\//.test(name));

function label(id: number): string {
  const { functionName, url, lineNumber } = byId.get(id)?.callFrame ?? { functionName: '?', url: '', lineNumber: 0 };
  const where = url.replace(/^.*\/packages\/server\//, '').replace(/^file:\/\//, '');
  return `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
}

function print(title: string, times: Map<string, number>, keep: (name: string) => boolean): void {
  process.stdout.write(`\n${title} — of ${all.toFixed(0)} ms sampled\n`);
  const top = [...times].filter(([name]) => keep(name)).sort((a, b) => b[1] - a[1]).slice(0, count);
  for (const [name, ms] of top) process.stdout.write(`${ms.toFixed(0).padStart(7)} ms ${((ms / all) * 100).toFixed(1).padStart(5)} %  ${name}\n`);
}
