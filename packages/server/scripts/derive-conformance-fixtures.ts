/**
 * Derives the calling-API conformance fixtures from the documentation examples in the shared Graph
 * reference (dev time only; the output is committed and the tests read only the output):
 *
 *   test/conformance/fixtures/<version>/<method page>.json  <- graph-reference/examples/<version>__<page>__<n>__<kind>.json
 *
 * Each fixture groups a method page's example blocks into scenarios ("Example 2": its request,
 * response and notifications). Bodies the docs print as invalid JSON (trailing commas, comments)
 * come from the reference's lenient parse and are marked `lenient`; blocks that are not JSON at
 * all (a media blob sample) are listed under `skipped`. `Content-Length` is dropped: the docs'
 * values do not match their bodies (BEHAVIOR.md §11). Request paths lose the Graph host and gain
 * the version root where an example leaves it out (beta call-answer).
 *
 * Usage (in packages/server): node --import tsx scripts/derive-conformance-fixtures.ts [--shared <dir>] [--check]
 * `--shared` defaults to ../shared next to the repository root; `--check` writes nothing and fails
 * when a committed fixture differs from what the examples give.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
const OUT_DIR = 'test/conformance/fixtures';
const GRAPH_ORIGIN = 'https://graph.microsoft.com';

/** The method pages issues 3 and 4 cover. */
const PAGES = [
  'application-post-calls',
  'call-get',
  'call-delete',
  'call-answer',
  'call-reject',
  'call-redirect',
  'call-keepalive',
  'call-list-participants',
  'participant-get',
  'call-updaterecordingstatus',
  'call-addlargegalleryview',
  'addlargegalleryviewoperation-get',
  'call-list-contentsharingsessions',
  'contentsharingsession-get',
  'participant-invite',
  'call-changescreensharingrole',
  'call-transfer',
  'call-post-audioroutinggroups',
  'call-list-audioroutinggroups',
  'audioroutinggroup-get',
  'audioroutinggroup-update',
  'audioroutinggroup-delete',
  'participant-mute',
  'participant-muteall',
  'participant-delete',
  'participant-startholdmusic',
  'participant-stopholdmusic',
  'call-mute',
  'call-unmute',
] as const;

type Version = 'v1.0' | 'beta';

interface ExampleFile {
  source: string;
  version: Version;
  kind: 'request' | 'response' | 'notification';
  label: string;
  http: { method: string | null; url: string | null; status: number | null; headers?: Record<string, string> } | null;
  body?: unknown;
  bodyLenient?: unknown;
  bodyParseError?: string;
}

interface Block {
  file: string;
  index: number;
  example: ExampleFile;
}

const FILE_NAME = /^(v1\.0|beta)__([a-z-]+)__(\d+)__(request|response|notification)\.json$/;

function readBlocks(examplesDir: string, version: Version, page: string): Block[] {
  return readdirSync(examplesDir)
    .map((file) => ({ file, match: FILE_NAME.exec(file) }))
    .filter(({ match }) => match?.[1] === version && match[2] === page)
    .map(({ file, match }) => ({ file: `examples/${file}`, index: Number(match![3]), example: JSON.parse(readFileSync(resolve(examplesDir, file), 'utf8')) as ExampleFile }))
    .sort((a, b) => a.index - b.index);
}

/** `Example 2: …` and `example-2-…: request` belong to scenario 2; unnumbered labels name their own. */
function scenarioKey(label: string, numbered: boolean): string {
  const number = /^example[\s-]?(\d+)/i.exec(label)?.[1];
  if (number) return `example-${number}`;
  if (!numbered) return 'example';
  return label.split(':')[0]!.replace(/\[.*?\]/g, '').trim().toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** The JSON body, or undefined when the block has none that parses even leniently. */
function bodyOf(example: ExampleFile): { body: unknown; lenient: boolean } | undefined {
  if (example.bodyParseError === undefined) return { body: example.body ?? null, lenient: false };
  if (example.bodyLenient !== undefined) return { body: example.bodyLenient, lenient: true };
  return undefined;
}

function headersOf(example: ExampleFile): Record<string, string> {
  const headers = Object.entries(example.http?.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-length');
  return Object.fromEntries(headers);
}

/** The path under the host; a few examples leave out the version root, which the page's version gives. */
function requestPath(url: string, version: Version): string {
  const path = url.startsWith(GRAPH_ORIGIN) ? url.slice(GRAPH_ORIGIN.length) : url;
  return /^\/(v1\.0|beta)\//.test(path) ? path : `/${version}${path}`;
}

function entryOf(block: Block, parsed: { body: unknown; lenient: boolean }): Record<string, unknown> {
  const { example } = block;
  const common = { file: block.file, title: example.label, ...(parsed.lenient ? { lenient: true } : {}) };
  if (example.kind === 'request') {
    return { ...common, method: example.http?.method, path: requestPath(example.http?.url ?? '', example.version), headers: headersOf(example), body: parsed.body };
  }
  if (example.kind === 'response') return { ...common, status: example.http?.status, headers: headersOf(example), body: parsed.body };
  return { ...common, url: example.http?.url ?? null, body: parsed.body };
}

interface Scenario {
  name: string;
  requests: Record<string, unknown>[];
  responses: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
}

function buildFixture(version: Version, page: string, blocks: Block[]): Record<string, unknown> {
  const numbered = blocks.some(({ example }) => /^example[\s-]?\d/i.test(example.label));
  const scenarios = new Map<string, Scenario>();
  const skipped: { file: string; reason: string }[] = [];
  for (const block of blocks) {
    const parsed = bodyOf(block.example);
    if (!parsed) {
      skipped.push({ file: block.file, reason: `not JSON: ${block.example.bodyParseError}` });
      continue;
    }
    const name = scenarioKey(block.example.label, numbered);
    const scenario = scenarios.get(name) ?? { name, requests: [], responses: [], notifications: [] };
    scenarios.set(name, scenario);
    scenario[`${block.example.kind}s`].push(entryOf(block, parsed));
  }
  return {
    generatedBy: 'packages/server/scripts/derive-conformance-fixtures.ts',
    version,
    page,
    source: blocks[0]?.example.source ?? null,
    scenarios: [...scenarios.values()],
    skipped,
  };
}

/** Writes (or, with --check, compares) one output; true when it was already up to date. */
function emit(relative: string, content: string, check: boolean): boolean {
  const path = resolve(packageDir, relative);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (current === content) return true;
  if (check) {
    console.error(`[derive-conformance-fixtures] stale: ${relative}`);
    return false;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return true;
}

function main(): void {
  const { values } = parseArgs({ options: { shared: { type: 'string' }, check: { type: 'boolean', default: false } } });
  const shared = resolve(values.shared ?? resolve(packageDir, '../../../shared'));
  const examplesDir = resolve(shared, 'graph-reference/examples');
  const results: boolean[] = [];
  for (const version of ['v1.0', 'beta'] as const) {
    for (const page of PAGES) {
      const blocks = readBlocks(examplesDir, version, page);
      // A page one version does not have (participant-muteall is beta only) gets no fixture there.
      if (blocks.length === 0) continue;
      const fixture = buildFixture(version, page, blocks);
      results.push(emit(`${OUT_DIR}/${version}/${page}.json`, `${JSON.stringify(fixture, null, 2)}\n`, values.check));
    }
  }
  if (results.includes(false)) process.exitCode = 1;
  else console.log(`[derive-conformance-fixtures] ${values.check ? 'up to date' : 'written'}: ${results.length} fixtures`);
}

main();
