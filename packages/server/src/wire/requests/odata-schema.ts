import { z } from 'zod';
import { bareTypeName, canonicalODataType, type ODataTypeName } from '../odata-type.js';
import { issueToError } from './issues.js';
import { wireIssue, type WireErrorId } from './wire-error.js';

/**
 * `@odata.type` of a value whose declared type is concrete: optional, and when present it must
 * name one of `allowed` (a derived or, for older examples, a sibling type). Output: the
 * canonical spelling, so echoed values read like Graph's.
 */
export function odataType(...allowed: ODataTypeName[]) {
  return z
    .string()
    .nullish()
    .transform((raw, ctx) => {
      if (raw === null || raw === undefined) return undefined;
      const canonical = canonicalODataType(raw);
      if (canonical && allowed.includes(canonical)) return canonical;
      ctx.addIssue(typeIssue(raw, canonical, allowed[0]!));
      return z.NEVER;
    });
}

function typeIssue(raw: string, canonical: ODataTypeName | undefined, expected: string) {
  if (!canonical) return wireIssue('unknownODataType', { type: bareTypeName(raw) });
  return wireIssue('odataTypeNotAssignable', { type: bareTypeName(canonical), expected: bareTypeName(expected) });
}

/** Enum values are case-insensitive on input (BEHAVIOR.md §1); the output is Graph's spelling. */
export function caseInsensitiveEnum<const T extends string>(values: readonly T[]) {
  return z.string().transform((raw, ctx) => {
    const hit = values.find((value) => value.toLowerCase() === raw.toLowerCase());
    if (hit) return hit;
    ctx.addIssue(wireIssue('invalidPropertyValue', { reason: `'${raw}' is not one of ${values.join(', ')}` }));
    return z.NEVER;
  });
}

export interface PolymorphicOptions {
  /** The abstract declared type, for messages. */
  base: string;
  /** The error when the value is missing or null (default: a missing required property). */
  whenMissing?: WireErrorId;
}

/**
 * A value of an abstract type (mediaConfig, meetingInfo): OData needs `@odata.type` to pick the
 * derived type, whose schema then reads the value.
 */
export function polymorphic<T>(variants: Partial<Record<ODataTypeName, z.ZodType<T>>>, options: PolymorphicOptions) {
  return z.unknown().transform((value, ctx): T => {
    if (value === undefined || value === null) {
      ctx.addIssue(wireIssue(options.whenMissing ?? 'requiredProperty'));
      return z.NEVER;
    }
    const variant = pickVariant(value, variants, options.base);
    if ('issue' in variant) {
      ctx.addIssue({ ...variant.issue, path: variant.path });
      return z.NEVER;
    }
    const parsed = variant.schema.safeParse(value, { reportInput: true });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0] & object);
    return z.NEVER;
  });
}

type Picked<T> = { schema: z.ZodType<T> } | { issue: ReturnType<typeof wireIssue>; path: string[] };

function pickVariant<T>(value: unknown, variants: Partial<Record<ODataTypeName, z.ZodType<T>>>, base: string): Picked<T> {
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { issue: wireIssue('invalidPropertyValue', { reason: `expected a ${base} object` }), path: [] };
  }
  const raw = (value as Record<string, unknown>)['@odata.type'];
  if (typeof raw !== 'string') {
    return { issue: wireIssue('invalidPropertyValue', { reason: `'@odata.type' must name the derived type of ${base} (${Object.keys(variants).join(' or ')})` }), path: [] };
  }
  const canonical = canonicalODataType(raw);
  const schema = canonical ? variants[canonical] : undefined;
  if (schema) return { schema };
  return { issue: typeIssue(raw, canonical, `#microsoft.graph.${base}`), path: ['@odata.type'] };
}

/** Parses `body` or throws the Graph-style 400 for its first problem. */
export function parseWith<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body, { reportInput: true });
  if (!parsed.success) throw issueToError(parsed.error.issues[0]!);
  return parsed.data;
}

/** A string that must carry something: an empty id, token or URI is as good as none. */
export const nonEmptyString = z.string().superRefine((value, ctx) => {
  if (value.trim() === '') ctx.addIssue(wireIssue('invalidPropertyValue', { reason: 'must not be empty' }));
});
