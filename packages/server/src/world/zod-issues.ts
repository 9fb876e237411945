import type { z } from 'zod';
import { allowedKeysAt } from './schema-keys.js';

export interface IssueProblem {
  path: PropertyKey[];
  message: string;
  /** The problem is the key itself (an unknown key), not its value. */
  atKey?: boolean;
}

/**
 * zod issues reworded for people: an unknown key lists the allowed ones (typos are the usual
 * cause), a missing field says so, and a number where a string belongs says to quote it (YAML
 * reads `joinMeetingId: 123456789012` as a number). Parse with `reportInput: true`.
 */
export function describeIssues(schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): IssueProblem[] {
  return issues.flatMap((issue) => describeIssue(schema, issue));
}

function describeIssue(schema: z.ZodType, issue: z.core.$ZodIssue): IssueProblem[] {
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(schema, issue.path);
    const hint = allowed.length ? ` (allowed: ${allowed.join(', ')})` : '';
    return issue.keys.map((key) => ({ path: [...issue.path, key], message: `unknown key '${key}'${hint}`, atKey: true }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ path: issue.path, message: `required ${issue.expected === 'string' ? 'field' : issue.expected} is missing` }];
  }
  if (issue.code === 'invalid_type' && issue.expected === 'string' && typeof issue.input === 'number') {
    return [{ path: issue.path, message: `expected a string, got the number ${issue.input}: write it in quotes ('${issue.input}')` }];
  }
  return [{ path: issue.path, message: issue.message }];
}
