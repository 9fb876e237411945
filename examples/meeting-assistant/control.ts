/** The few Switchboard control API calls the runner needs (docs/scenarios.md), with the admin key. */
export interface Control {
  baseUrl: string;
  adminKey: string;
}

/** One step of a scenario run's log. */
export interface StepRecord {
  seq: number;
  action: string;
  person?: string;
  outcome: 'ok' | 'error';
  detail: string;
}

export interface ScenarioRun {
  id: string;
  status: 'running' | 'completed' | 'stopped' | 'failed';
  errors: number;
  log: StepRecord[];
}

export async function control<T>(api: Control, method: string, path: string, body?: string, contentType = 'application/json'): Promise<T> {
  const headers = { authorization: `Bearer ${api.adminKey}`, ...(body === undefined ? {} : { 'content-type': contentType }) };
  const response = await fetch(`${api.baseUrl}/_switchboard${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Starts a scenario from its YAML text. */
export function startScenario(api: Control, yaml: string): Promise<ScenarioRun> {
  return control<ScenarioRun>(api, 'POST', '/scenarios', yaml, 'application/yaml');
}

/** Polls the run, printing each step once, until it is no longer running or `timeoutMs` passed. */
export async function followScenario(api: Control, runId: string, print: (line: string) => void, timeoutMs: number): Promise<ScenarioRun> {
  const deadline = Date.now() + timeoutMs;
  let printed = 0;
  for (;;) {
    const run = await control<ScenarioRun>(api, 'GET', `/scenarios/${runId}`);
    for (const step of run.log.slice(printed)) print(`[scenario] ${step.action}${step.person ? ` ${step.person}` : ''}: ${step.outcome} ${step.detail}`);
    printed = run.log.length;
    if (run.status !== 'running' || Date.now() > deadline) return run;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
