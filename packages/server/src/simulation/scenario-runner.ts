import { randomUUID } from 'node:crypto';
import { DomainError } from '../domain/errors/index.js';
import { expandScenario } from './expand-plan.js';
import type { RunSummary, RunView, StepRecord } from './run-log.js';
import type { Scenario } from './scenario-model.js';
import type { ScenarioServices } from './scenario-ports.js';
import { ScenarioRun } from './scenario-run.js';

/** Finished runs kept for GET (the oldest go first). */
const KEEP_FINISHED = 50;

export interface StartOptions {
  /** Overrides the file's seed. */
  seed?: number | string;
  onStep?: (record: StepRecord) => void;
}

/** Several scenario runs at once, by id: started by the control API, the CLI or `--scenario`. */
export class ScenarioRunner {
  private readonly runs = new Map<string, ScenarioRun>();

  constructor(private readonly services: ScenarioServices) {}

  start(scenario: Scenario, options: StartOptions = {}): ScenarioRun {
    const plan = expandScenario(scenario, options.seed === undefined ? {} : { seed: options.seed });
    const run = new ScenarioRun(randomUUID(), plan, this.services, options.onStep);
    this.runs.set(run.id, run);
    this.prune();
    return run;
  }

  get(id: string): ScenarioRun {
    const run = this.runs.get(id);
    if (!run) throw new DomainError('scenarioNotFound', { runId: id });
    return run;
  }

  view(id: string): RunView {
    return this.get(id).view();
  }

  list(): RunSummary[] {
    return [...this.runs.values()].map((run) => run.summary());
  }

  /** Stops a run and waits until it has let go; stopping a finished run changes nothing. */
  async stop(id: string): Promise<RunView> {
    const run = this.get(id);
    run.stop();
    await run.finished;
    return run.view();
  }

  async stopAll(): Promise<void> {
    for (const run of this.runs.values()) run.stop();
    await Promise.all([...this.runs.values()].map((run) => run.finished));
  }

  private prune(): void {
    const finished = [...this.runs.values()].filter((run) => run.status !== 'running');
    for (const run of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.runs.delete(run.id);
  }
}
