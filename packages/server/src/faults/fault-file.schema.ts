import { z } from 'zod';
import { faultRuleSchema } from './fault-rule.js';
import { throttlingProfileSchema } from './throttling-profile.js';

/** A --faults file (YAML or JSON): the same rule objects the control API takes. */
export const faultFileSchema = z.strictObject({
  seed: z.number().int().min(0).optional().describe('Seed of the rate draws (a --fault-seed flag wins).'),
  throttling: throttlingProfileSchema.optional(),
  rules: z.array(faultRuleSchema).default([]),
});

export type FaultFile = z.infer<typeof faultFileSchema>;
