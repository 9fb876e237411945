import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors/index.js';
import { oneOffFaultSchema, type OneOffFault } from '../../faults/fault-rule.js';
import { formatPath } from '../../world/world-file-error.js';
import { describeIssues } from '../../world/zod-issues.js';

/** A Graph request may carry its own fault (like LiveKit's and Dev Proxy's per-request mocks). */
export const FAULT_HEADER = 'x-switchboard-fault';

/** The one-off fault of this request, if it asks for one; a malformed header is a 400. */
export function headerFault(request: FastifyRequest): OneOffFault | undefined {
  const raw = request.headers[FAULT_HEADER];
  if (raw === undefined) return undefined;
  const text = Array.isArray(raw) ? raw.join(',') : raw;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('not JSON; send one object such as {"kind":"graphError","status":503}');
  }
  const parsed = oneOffFaultSchema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw invalid(describeIssues(oneOffFaultSchema, parsed.error.issues).map((p) => `${formatPath(p.path)}: ${p.message}`).join('; '));
}

function invalid(details: string): DomainError {
  return new DomainError('faultHeaderInvalid', { details });
}
