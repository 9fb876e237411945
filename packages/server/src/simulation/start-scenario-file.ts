import type { Scenario } from './scenario-model.js';
import type { ScenarioRun } from './scenario-run.js';
import type { ScenarioRunner } from './scenario-runner.js';

export { loadScenarioFile } from './load-scenario.js';

/**
 * `switchboard start --scenario <file>`: the file is loaded before the server listens (a bad
 * file stops the start with its line-numbered problems, like --world); the run starts once the
 * server is up, alongside whatever bot connects, and logs each step.
 */
export function startLoadedScenario(runner: ScenarioRunner, scenario: Scenario, log: (message: string) => void): ScenarioRun {
  const run = runner.start(scenario, { onStep: (r) => log(`scenario ${scenario.name} #${r.seq} ${r.action}${r.person ? ` ${r.person}` : ''}: ${r.outcome === 'ok' ? r.detail : `failed: ${r.detail}`}`) });
  log(`scenario ${scenario.name} started as run ${run.id} (${run.plan.steps.length} steps, seed ${String(run.plan.seed)})`);
  return run;
}
