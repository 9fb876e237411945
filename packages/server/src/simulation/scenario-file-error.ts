import { formatProblem, type WorldFileProblem } from '../world/world-file-error.js';

export type ScenarioProblem = WorldFileProblem;

/** Every problem of a scenario at once, `file:line:col path: message`, one per line. */
export class ScenarioFileError extends Error {
  constructor(readonly file: string, readonly problems: ScenarioProblem[]) {
    const noun = problems.length === 1 ? 'problem' : 'problems';
    super([`[switchboard] scenario ${file} is invalid (${problems.length} ${noun}):`, ...problems.map((p) => `  ${formatProblem(p)}`)].join('\n'));
    this.name = 'ScenarioFileError';
  }
}
