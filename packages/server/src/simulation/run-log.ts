/** One executed step of a run, as GET /_switchboard/scenarios/{id} and `scenario run --wait` show it. */
export interface StepRecord {
  seq: number;
  action: string;
  person?: string;
  /** Where in the file the step came from. */
  source: string;
  /** Offset in the plan, ms from the start of the run. */
  plannedMs: number;
  /** When it actually ran, ms from the start (later than planned after waits). */
  ranMs: number;
  /** The server clock when it ran (ISO). */
  clockTime: string;
  outcome: 'ok' | 'error';
  detail: string;
  /** Catalogue id of the failure, when it was one. */
  errorId?: string;
}

export type RunStatus = 'running' | 'completed' | 'stopped' | 'failed';

export interface RunSummary {
  id: string;
  name: string;
  seed: number | string;
  status: RunStatus;
  startedAt: string;
  endedAt?: string;
  /** Steps in the plan, steps run so far, and how many of those failed. */
  planned: number;
  done: number;
  errors: number;
}

export interface RunView extends RunSummary {
  log: StepRecord[];
}
