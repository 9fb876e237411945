import type { z } from 'zod';
import type { DomainError } from '../../domain/errors/index.js';
import { isWireIssueParams, wireError } from './wire-error.js';

type Issue = z.core.$ZodIssue;

/** `['targets', 0, 'identity']` → `targets[0].identity`, the way the messages name a property. */
export function propertyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/**
 * The Graph-style 400 for the first problem zod found. Custom issues name their own error; a
 * missing or null value is a missing required property; anything else is an invalid value.
 * A type-name problem names the object that carries the `@odata.type`.
 */
export function issueToError(issue: Issue): DomainError {
  if (issue.code === 'custom' && isWireIssueParams(issue.params)) {
    const path = issue.path.at(-1) === '@odata.type' ? issue.path.slice(0, -1) : issue.path;
    return wireError(issue.params.wireError, { property: propertyPath(path), ...issue.params.values });
  }
  const property = propertyPath(issue.path);
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null)) return wireError('requiredProperty', { property });
  return wireError('invalidPropertyValue', { property, reason: reasonOf(issue) });
}

function reasonOf(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'array' ? 'an array' : `a ${issue.expected}`}, got ${describe(issue.input)}`;
    case 'too_small':
      return issue.origin === 'array' ? `needs at least ${issue.minimum} entries` : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' ? `allows at most ${issue.maximum} entries` : `must be at most ${issue.maximum}`;
    default:
      return issue.message;
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}
