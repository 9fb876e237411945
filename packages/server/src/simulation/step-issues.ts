import type { z } from 'zod';
import type { IssueProblem } from '../world/zod-issues.js';
import { actionStepSchema, repeatStepSchema } from './scenario.schema.js';

type Issue = z.core.$ZodIssue;

const PERSON_FORMS = 'expected a user (a demo key like alex, or a user id), { user: <key or id> }, { guest: <display name> } or { phone: <+number> }';

/**
 * zod reports a bad timeline step as "Invalid input" of a union. People need the branch they
 * meant: a step with `repeat` is a repeat block, anything else an action step, so only that
 * branch's issues are kept; an unknown action lists the actions and an unknown key the keys that
 * action takes. Everything else is worded by the world loader's describeIssues.
 */
export function describeStepIssues(issues: readonly Issue[], describe: (issues: Issue[]) => IssueProblem[]): IssueProblem[] {
  return issues.flatMap((issue) => describeOne(issue, describe));
}

function describeOne(issue: Issue, describe: (issues: Issue[]) => IssueProblem[]): IssueProblem[] {
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') return [unknownAction(issue)];
  if (issue.code === 'invalid_union' && issue.errors.length === 2) {
    const branch = issue.errors[isRepeatInput(issue.input) ? 1 : 0] ?? [];
    return describeStepIssues(branch.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue), describe);
  }
  if (issue.code === 'unrecognized_keys' && actionOf(issue.input)) return unknownKeys(issue, actionOf(issue.input) ?? '');
  if (issue.code === 'invalid_union' && issue.path[0] === 'people') return [{ path: issue.path, message: PERSON_FORMS }];
  return describe([issue]);
}

function unknownAction(issue: Issue): IssueProblem {
  const action = (issue.input as { action?: unknown } | undefined)?.action;
  const wanted = actionStepSchema.options.map((option) => option.shape.action.value).join(', ');
  const message = action === undefined ? `a step needs an action (one of: ${wanted}) or a repeat block` : `unknown action ${JSON.stringify(action)} (one of: ${wanted})`;
  const parent = issue.path.at(-1) === 'action' ? issue.path.slice(0, -1) : issue.path;
  return { path: action === undefined ? parent : [...parent, 'action'], message };
}

function unknownKeys(issue: Extract<Issue, { code: 'unrecognized_keys' }>, action: string): IssueProblem[] {
  const option = actionStepSchema.options.find((candidate) => candidate.shape.action.value === action);
  const allowed = Object.keys(option?.shape ?? repeatStepSchema.shape).join(', ');
  return issue.keys.map((key) => ({ path: [...issue.path, key], message: `unknown key '${key}' for ${action} (allowed: ${allowed})`, atKey: true }));
}

function isRepeatInput(input: unknown): boolean {
  return typeof input === 'object' && input !== null && 'repeat' in input;
}

function actionOf(input: unknown): string | undefined {
  const action = (input as { action?: unknown } | null | undefined)?.action;
  return typeof action === 'string' ? action : undefined;
}
