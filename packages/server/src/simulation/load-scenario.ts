import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { SourceLocator } from '../world/source-locator.js';
import { formatPath } from '../world/world-file-error.js';
import { describeIssues, type IssueProblem } from '../world/zod-issues.js';
import { checkReferences } from './check-references.js';
import { ScenarioFileError, type ScenarioProblem } from './scenario-file-error.js';
import type { Scenario } from './scenario-model.js';
import { scenarioSchema } from './scenario.schema.js';
import { describeStepIssues } from './step-issues.js';

/** Reads and validates a scenario file (YAML or JSON); throws ScenarioFileError listing every problem. */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ScenarioFileError(path, [{ file: path, line: 1, col: 1, path: '(root)', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
  return parseScenarioText(text, path);
}

/** YAML (JSON is YAML too): problems point at the line and column of the offending value. */
export function parseScenarioText(text: string, file = 'scenario'): Scenario {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new ScenarioFileError(file, doc.errors.map((e) => ({ file, ...lines.linePos(e.pos[0]), path: '(root)', message: `YAML syntax: ${e.message}` })));
  }
  const locator = new SourceLocator(doc as Document, lines);
  return validateScenario(doc.toJS() as unknown, file, (path) => locator.locate(path.path, { key: path.atKey ?? false }));
}

/** An already parsed scenario (a JSON request body): problems name the path only. */
export function parseScenarioData(data: unknown, file = 'scenario'): Scenario {
  return validateScenario(data, file, () => ({ line: 1, col: 1 }));
}

type Locate = (problem: IssueProblem) => { line: number; col: number };

function validateScenario(data: unknown, file: string, locate: Locate): Scenario {
  const report = (problems: IssueProblem[]): ScenarioFileError => new ScenarioFileError(file, sortByPosition(problems.map((p) => toProblem(file, p, locate))));
  if (data === null || data === undefined) throw report([{ path: [], message: 'the scenario is empty (it needs at least name and timeline)' }]);
  const parsed = scenarioSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw report(describeStepIssues(parsed.error.issues, (issues) => describeIssues(scenarioSchema, issues)));
  const { scenario, problems } = checkReferences(parsed.data);
  if (problems.length) throw report(problems);
  return scenario;
}

function toProblem(file: string, problem: IssueProblem, locate: Locate): ScenarioProblem {
  return { file, ...locate(problem), path: formatPath(problem.path), message: problem.message };
}

function sortByPosition(problems: ScenarioProblem[]): ScenarioProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
}
