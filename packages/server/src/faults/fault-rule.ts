import { z } from 'zod';
import { isGraphOperation } from './graph-operations.js';

/**
 * Fault injection (issue 6, item 4): one rule model for every fault, whether set through the
 * control API, a config file or a per-request header. A rule says WHAT goes wrong (kind and its
 * fields), WHERE (match) and WHEN (trigger). Rules are evaluated in the order they were added;
 * the first that matches and fires wins.
 */

/** When a matching rule fires. No field: every match. Randomness comes from the seeded Random. */
export const faultTriggerSchema = z.strictObject({
  rate: z.number().min(0).max(1).optional().describe('Probability per match (seeded).'),
  everyNth: z.number().int().min(1).optional().describe('Fires on the Nth, 2Nth, … match.'),
  times: z.number().int().min(1).optional().describe('Stops firing after this many firings (the rule stays listed, exhausted).'),
  skip: z.number().int().min(0).optional().describe('Lets the first N matches through.'),
});

/** Which Graph requests a rule applies to; every given field must match. */
export const graphMatchSchema = z.strictObject({
  operation: z
    .string()
    .refine(isGraphOperation, { message: 'not a Graph operation name; GET /_switchboard/faults/catalog lists them (e.g. "call.create")' })
    .optional()
    .describe('A method name from the method status table (docs/methods.md), e.g. "call.create" or "participant.mute" (case-insensitive; "call: create" also works).'),
  httpMethod: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']).optional(),
  path: z.string().refine(isRegExp, { message: 'not a valid regular expression' }).optional().describe('A regular expression on the path after the version, e.g. "/participants/.+/mute$".'),
  version: z.enum(['v1.0', 'beta']).optional(),
  appId: z.string().optional(),
});

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** Which callbacks a rule applies to. */
export const callbackMatchSchema = z.strictObject({
  appId: z.string().optional(),
  callId: z.string().optional(),
  changeType: z.enum(['created', 'updated', 'deleted']).optional(),
  resource: z.enum(['call', 'participants', 'operation', 'tones', 'contentSharingSessions']).optional().describe('What the notification is about.'),
  state: z.string().optional().describe('The call state the notification carries, e.g. "established".'),
});

/** Which calls a call fault applies to (a bot's leg in a meeting, or a given call). */
export const callMatchSchema = z.strictObject({
  appId: z.string().optional(),
  callId: z.string().optional(),
  meetingId: z.string().optional(),
});

export const graphErrorRuleSchema = z.strictObject({
  kind: z.literal('graphError'),
  match: graphMatchSchema.default({}),
  trigger: faultTriggerSchema.default({}),
  status: z.number().int().min(400).max(599),
  code: z.string().optional().describe('error.code; defaults to the catalogue code for the status.'),
  message: z.string().optional(),
  retryAfterSeconds: z.number().int().min(0).optional().describe('Sets Retry-After (429 and 503).'),
});

export const latencyRuleSchema = z.strictObject({
  kind: z.literal('latency'),
  match: graphMatchSchema.default({}),
  trigger: faultTriggerSchema.default({}),
  delayMs: z.number().int().min(0).max(120_000),
});

export const callbackRuleSchema = z.strictObject({
  kind: z.literal('callback'),
  match: callbackMatchSchema.default({}),
  trigger: faultTriggerSchema.default({}),
  action: z.enum(['drop', 'duplicate', 'delay', 'reorder', 'fail', 'slow']).describe(
    'drop: never sent (logged as dropped); duplicate: sent twice; delay: held delayMs then sent; reorder: sent after the next notification of the same call; fail: the POST is answered with status by Switchboard itself as if the bot failed; slow: the POST is sent after delayMs, as a slow network.',
  ),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  status: z.number().int().min(400).max(599).optional().describe('For fail: the status the bot "answered".'),
});

export const callFaultRuleSchema = z.strictObject({
  kind: z.literal('call'),
  match: callMatchSchema.default({}),
  trigger: faultTriggerSchema.default({}),
  fault: z.string().describe('A name from the call fault catalogue (GET /_switchboard/faults/catalog), e.g. "mediaConnectivityLost".'),
  afterMs: z.number().int().min(0).default(0).describe('Clock ms after the matching leg is established.'),
});

export const faultRuleSchema = z.discriminatedUnion('kind', [graphErrorRuleSchema, latencyRuleSchema, callbackRuleSchema, callFaultRuleSchema]);

export type FaultTrigger = z.infer<typeof faultTriggerSchema>;
export type GraphMatch = z.infer<typeof graphMatchSchema>;
export type CallbackMatch = z.infer<typeof callbackMatchSchema>;
export type CallMatch = z.infer<typeof callMatchSchema>;
export type GraphErrorRule = z.infer<typeof graphErrorRuleSchema>;
export type LatencyRule = z.infer<typeof latencyRuleSchema>;
export type CallbackRule = z.infer<typeof callbackRuleSchema>;
export type CallFaultRule = z.infer<typeof callFaultRuleSchema>;
export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRuleSpec = z.infer<typeof faultRuleSchema>;

/** Where a rule came from: the control API (or CLI), or the --faults file read at start. */
export type FaultSource = 'api' | 'file';

/** A rule as stored: an id and how often it matched and fired. */
export type FaultRule = FaultRuleSpec & { id: string; matched: number; fired: number; source?: FaultSource };

/**
 * The X-Switchboard-Fault header: a graphError or latency rule for this one request, so neither
 * match nor trigger (the header is the match, and it always fires).
 */
export const oneOffFaultSchema = z.discriminatedUnion('kind', [graphErrorRuleSchema.omit({ match: true, trigger: true }), latencyRuleSchema.omit({ match: true, trigger: true })]);
export type OneOffFault = z.infer<typeof oneOffFaultSchema>;
