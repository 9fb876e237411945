import type { z } from 'zod';
import { validationFailed } from './world-tx.js';
import { formatPath } from './world-file-error.js';
import { describeIssues } from './zod-issues.js';

/**
 * Parses an input with its schema; every issue goes into one validationFailed (400) naming the
 * field, e.g. `domain: must be a DNS domain like contoso.example; colour: unknown key 'colour' (…)`.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root = '(body)'): z.output<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const problems = describeIssues(schema, parsed.error.issues).map((p) => ({ path: p.path.map((s) => (typeof s === 'number' ? s : String(s))), message: p.message }));
  throw validationFailed(problems, (path) => (path.length ? formatPath(path) : root));
}
