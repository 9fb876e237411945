import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { checkWorld, type WorldDraft, type WorldProblem } from '../domain/world/world-check.js';
import { certificateProblems } from './certificates.js';
import { demoWorldFile } from './demo-world.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { SourceLocator, type Position } from './source-locator.js';
import { WorldFileError, formatPath, type WorldFileProblem } from './world-file-error.js';
import { worldFileSchema, type WorldFile } from './world-file.schema.js';
import { describeIssues, type IssueProblem } from './zod-issues.js';

export interface LoadWorldOptions {
  /**
   * What the file's references may point at besides its own entities. Default: the demo world
   * for `mode: extend` (a file may add users to Contoso), nothing for `mode: replace`.
   */
  base?: WorldDraft;
}

/** Reads, parses (YAML or JSON) and validates a world file; throws WorldFileError listing every problem. */
export async function loadWorldFile(path: string, options: LoadWorldOptions = {}): Promise<WorldFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new WorldFileError(path, [{ file: path, line: 1, col: 1, path: '(root)', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
  return parseWorldFile(text, path, options);
}

export function parseWorldFile(text: string, file: string, options: LoadWorldOptions = {}): WorldFile {
  const source = parseSource(text, file);
  const report = (problems: IssueProblem[]): WorldFileError => new WorldFileError(file, sortByPosition(problems.map((p) => locate(file, source.locator, p))));
  if (source.problems.length) throw new WorldFileError(file, source.problems);
  if (source.data === null || source.data === undefined) throw report([{ path: [], message: 'the file is empty (a world file needs at least `version: 1`)' }]);
  const parsed = worldFileSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) throw report(describeIssues(worldFileSchema, parsed.error.issues));
  const base = options.base ?? (parsed.data.mode === 'replace' ? {} : demoWorldFile());
  const problems: WorldProblem[] = [...checkWorld(parsed.data, base), ...certificateProblems(parsed.data)];
  if (problems.length) throw report(problems);
  return parsed.data;
}

interface Source {
  data: unknown;
  locator: SourceLocator;
  problems: WorldFileProblem[];
}

function parseSource(text: string, file: string): Source {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locator = new SourceLocator(doc as Document, lines);
  if (isJson(file, text)) return { ...parseJson(text, file), locator };
  const problems = doc.errors.map((e) => ({ file, ...positionOf(text, e.pos[0]), path: '(root)', message: `YAML syntax: ${e.message}` }));
  return { data: problems.length ? undefined : doc.toJS(), locator, problems };
}

/** By extension first; a file without one is JSON when it starts like a JSON object. */
function isJson(file: string, text: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return true;
  if (ext === '.yaml' || ext === '.yml') return false;
  return text.trimStart().startsWith('{');
}

function parseJson(text: string, file: string): { data: unknown; problems: WorldFileProblem[] } {
  try {
    return { data: JSON.parse(text) as unknown, problems: [] };
  } catch (error) {
    const found = findJsonSyntaxError(text) ?? { offset: 0, message: (error as Error).message };
    return { data: undefined, problems: [{ file, ...positionOf(text, found.offset), path: '(root)', message: `JSON syntax: ${found.message}` }] };
  }
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

function locate(file: string, locator: SourceLocator, problem: IssueProblem): WorldFileProblem {
  return { file, ...locator.locate(problem.path, { key: problem.atKey ?? false }), path: formatPath(problem.path), message: problem.message };
}

function sortByPosition(problems: WorldFileProblem[]): WorldFileProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
}
