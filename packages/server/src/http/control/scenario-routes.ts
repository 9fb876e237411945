import { z } from 'zod';
import { DomainError } from '../../domain/errors/index.js';
import { parseScenarioData, parseScenarioText } from '../../simulation/load-scenario.js';
import { ScenarioFileError } from '../../simulation/scenario-file-error.js';
import type { Scenario } from '../../simulation/scenario-model.js';
import { formatProblem } from '../../world/world-file-error.js';
import { bodyComponents, responseComponents } from './schemas.js';
import { CONTROL_PREFIX, created, ok, route } from './route-table.js';

/**
 * Scenarios (issue 6): start a run of simulated people from a scenario (JSON, or YAML sent as
 * `application/yaml` or as `{ "yaml": "…" }`), watch its log, stop it. The file format is in
 * docs/scenarios.md and schemas/scenario.schema.json.
 */

export const scenarioBodySchema = z
  .looseObject({ yaml: z.string().optional().describe('The scenario as YAML text (line numbers in errors refer to it).') })
  .describe('A scenario as JSON (schemas/scenario.schema.json), or { "yaml": "<scenario text>" }. A YAML body (Content-Type: application/yaml) arrives as the latter.');
const startQuerySchema = z.strictObject({ seed: z.string().min(1).optional().describe("Overrides the scenario's seed (a number or a word).") });

const stepRecordSchema = z.object({
  seq: z.number(),
  action: z.string(),
  person: z.string().optional(),
  source: z.string().describe('Where in the file the step came from, e.g. timeline[3].steps[0] round 2.'),
  plannedMs: z.number().describe('Planned offset from the start of the run.'),
  ranMs: z.number().describe('Actual offset (later than planned after wait/waitFor).'),
  clockTime: z.string().describe('Server clock when the step ran.'),
  outcome: z.enum(['ok', 'error']),
  detail: z.string(),
  errorId: z.string().optional(),
});
export const scenarioRunSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  seed: z.union([z.number(), z.string()]),
  status: z.enum(['running', 'completed', 'stopped', 'failed']),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  planned: z.number().describe('Steps in the plan (crowds and repeats expanded).'),
  done: z.number(),
  errors: z.number(),
});
export const scenarioRunSchema = scenarioRunSummarySchema.extend({ log: z.array(stepRecordSchema) });
export const scenarioRunListSchema = z.object({ value: z.array(scenarioRunSummarySchema) });

bodyComponents.add(scenarioBodySchema, { id: 'ScenarioBody' });
responseComponents.add(scenarioRunSchema, { id: 'ScenarioRun' });
responseComponents.add(scenarioRunListSchema, { id: 'ScenarioRunList' });

/** A scenario body → Scenario; every problem of the file in one 400 (with line numbers for YAML). */
function scenarioOf(body: z.output<typeof scenarioBodySchema>): Scenario {
  try {
    return typeof body.yaml === 'string' ? parseScenarioText(body.yaml, 'scenario') : parseScenarioData(body, 'scenario');
  } catch (error) {
    if (!(error instanceof ScenarioFileError)) throw error;
    throw new DomainError('scenarioInvalid', { details: error.problems.map(formatProblem).join('; ') });
  }
}

const seedOf = (text: string | undefined): number | string | undefined => (text === undefined ? undefined : /^-?\d+$/.test(text) ? Number(text) : text);

const runUrl = `${CONTROL_PREFIX}/scenarios/:runId`;

export const scenarioRoutes = [
  route({
    operationId: 'startScenario', method: 'POST', url: `${CONTROL_PREFIX}/scenarios`, summary: 'Start a scenario run: simulated people act on its timeline (docs/scenarios.md)', tag: 'Scenarios', status: 201,
    body: scenarioBodySchema, query: startQuerySchema, response: scenarioRunSchema,
    handle: async ({ services, body, query }) => {
      const seed = seedOf(query.seed);
      const run = services.scenarios.start(scenarioOf(body), seed === undefined ? {} : { seed });
      return created(`${CONTROL_PREFIX}/scenarios/${run.id}`, run.view());
    },
  }),
  route({
    operationId: 'listScenarioRuns', method: 'GET', url: `${CONTROL_PREFIX}/scenarios`, summary: 'Scenario runs, running and recently finished', tag: 'Scenarios', status: 200, response: scenarioRunListSchema,
    handle: async ({ services }) => ok({ value: services.scenarios.list() }),
  }),
  route({
    operationId: 'getScenarioRun', method: 'GET', url: runUrl, summary: 'A scenario run: status and the log of every step so far', tag: 'Scenarios', status: 200, response: scenarioRunSchema,
    handle: async ({ services, params }) => ok(services.scenarios.view(params.runId ?? '')),
  }),
  route({
    operationId: 'stopScenarioRun', method: 'DELETE', url: runUrl, summary: 'Stop a scenario run (its people stay where they are)', tag: 'Scenarios', status: 200, response: scenarioRunSchema,
    handle: async ({ services, params }) => ok(await services.scenarios.stop(params.runId ?? '')),
  }),
];
