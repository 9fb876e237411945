import { DomainError, isDomainError } from '../domain/errors/index.js';
import type { ActionContext, StepOf } from './action-context.js';
import { runAction } from './action-table.js';
import { formatDuration } from './duration.js';
import type { PlannedStep, ScenarioPlan } from './plan.js';
import type { RunStatus, RunSummary, RunView, StepRecord } from './run-log.js';
import { RunState } from './run-state.js';
import type { ScenarioServices } from './scenario-ports.js';
import { WAIT_CHECKS } from './wait-conditions.js';

/** How often waitFor looks again, in clock time. */
const POLL_MS = 100;
const DEFAULT_WAIT_TIMEOUT_MS = 60_000;

/**
 * One run of a plan: steps execute in plan order, each once the clock reaches its planned time
 * (plus however long earlier `wait`/`waitFor` steps held the timeline). Sleeping goes through the
 * services' WaitableClock, so a paused, scaled or advanced clock moves the run too. A failing
 * step is logged and the run goes on, like a person whose click did nothing.
 */
export class ScenarioRun {
  readonly log: StepRecord[] = [];
  status: RunStatus = 'running';
  readonly finished: Promise<void>;
  private readonly abort = new AbortController();
  private readonly ctx: ActionContext;
  private readonly startedAt: number;
  private endedAt: number | undefined;
  private shift = 0;

  constructor(readonly id: string, readonly plan: ScenarioPlan, private readonly services: ScenarioServices, private readonly onStep?: (record: StepRecord) => void) {
    this.ctx = { services, plan, state: new RunState() };
    this.startedAt = services.time.now();
    this.finished = this.play();
  }

  stop(): void {
    if (this.status === 'running') this.abort.abort(new Error('scenario stopped'));
  }

  summary(): RunSummary {
    const errors = this.log.filter((r) => r.outcome === 'error').length;
    const ended = this.endedAt === undefined ? {} : { endedAt: new Date(this.endedAt).toISOString() };
    return { id: this.id, name: this.plan.name, seed: this.plan.seed, status: this.status, startedAt: new Date(this.startedAt).toISOString(), ...ended, planned: this.plan.steps.length, done: this.log.length, errors };
  }

  view(): RunView {
    return { ...this.summary(), log: [...this.log] };
  }

  private async play(): Promise<void> {
    try {
      for (const planned of this.plan.steps) {
        await this.services.time.waitUntil(this.startedAt + planned.at + this.shift, this.abort.signal);
        this.record(planned, await this.attempt(planned));
      }
      this.status = 'completed';
    } catch (error) {
      this.status = this.abort.signal.aborted ? 'stopped' : 'failed';
      if (this.status === 'failed') this.log.push(this.entry(undefined, { detail: String(error) }));
    } finally {
      this.endedAt = this.services.time.now();
    }
  }

  private async attempt(planned: PlannedStep): Promise<{ detail: string; errorId?: string; ok?: true }> {
    try {
      return { ok: true, detail: await this.execute(planned) };
    } catch (error) {
      if (this.abort.signal.aborted) throw error;
      return { detail: error instanceof Error ? error.message : String(error), ...(isDomainError(error) ? { errorId: error.id } : {}) };
    }
  }

  private async execute(planned: PlannedStep): Promise<string> {
    if (planned.step.action === 'wait') return this.pause(planned.step.for);
    if (planned.step.action === 'waitFor') return this.waitFor(planned as StepOf<'waitFor'>);
    return runAction(this.ctx, planned);
  }

  private pause(ms: number): string {
    this.shift += ms;
    return `the timeline moves by ${formatDuration(ms)}`;
  }

  /** Polls the condition; the time it took moves every later step (a timeout too). */
  private async waitFor(planned: StepOf<'waitFor'>): Promise<string> {
    const time = this.services.time;
    const since = time.now();
    const timeout = planned.step.timeout ?? DEFAULT_WAIT_TIMEOUT_MS;
    try {
      while (!(await WAIT_CHECKS[planned.step.condition](this.ctx, planned))) {
        if (time.now() - since >= timeout) throw new DomainError('scenarioWaitTimedOut', { condition: planned.step.condition, timeout: formatDuration(timeout) });
        await time.waitUntil(time.now() + POLL_MS, this.abort.signal);
      }
      return `${planned.step.condition} after ${formatDuration(time.now() - since)}`;
    } finally {
      this.shift += time.now() - since;
    }
  }

  private record(planned: PlannedStep, result: { detail: string; errorId?: string; ok?: true }): void {
    const record = this.entry(planned, result);
    this.log.push(record);
    this.onStep?.(record);
  }

  private entry(planned: PlannedStep | undefined, result: { detail: string; errorId?: string; ok?: true }): StepRecord {
    const now = this.services.time.now();
    return {
      seq: planned?.seq ?? 0,
      action: planned?.step.action ?? 'run',
      ...(planned?.person === undefined ? {} : { person: planned.person }),
      source: planned?.source ?? '(engine)',
      plannedMs: planned?.at ?? now - this.startedAt,
      ranMs: now - this.startedAt,
      clockTime: new Date(now).toISOString(),
      outcome: result.ok ? 'ok' : 'error',
      detail: result.detail,
      ...(result.errorId === undefined ? {} : { errorId: result.errorId }),
    };
  }
}
