import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { SourceLocator } from '../world/source-locator.js';
import { formatPath, formatProblem, type WorldFileProblem } from '../world/world-file-error.js';
import { describeIssues } from '../world/zod-issues.js';
import { faultFileSchema, type FaultFile } from './fault-file.schema.js';

/** Every problem of a --faults file at once, each as file:line:col, like world files. */
export class FaultFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: WorldFileProblem[],
  ) {
    const noun = problems.length === 1 ? 'problem' : 'problems';
    super([`[switchboard] faults file ${file} is invalid (${problems.length} ${noun}):`, ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n'));
    this.name = 'FaultFileError';
  }
}

export async function loadFaultFile(path: string): Promise<FaultFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FaultFileError(path, [{ file: path, line: 1, col: 1, path: '(root)', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
  return parseFaultFile(text, path);
}

/** YAML or JSON (JSON is read by the YAML parser, so both get line and column positions). */
export function parseFaultFile(text: string, file: string): FaultFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new FaultFileError(file, doc.errors.map((e) => ({ file, ...lines.linePos(e.pos[0]), path: '(root)', message: `syntax: ${e.message}` })));
  }
  const data: unknown = doc.toJS() ?? {};
  const parsed = faultFileSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  const locator = new SourceLocator(doc as Document, lines);
  const problems = describeIssues(faultFileSchema, parsed.error.issues).map((p) => ({ file, ...locator.locate(p.path, { key: p.atKey ?? false }), path: formatPath(p.path), message: p.message }));
  throw new FaultFileError(file, problems.sort((a, b) => a.line - b.line || a.col - b.col));
}
