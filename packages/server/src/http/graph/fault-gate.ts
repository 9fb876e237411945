import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyRequest } from 'fastify';
import type { GraphCaller } from '../../auth/access-token-verifier.js';
import { DomainError } from '../../domain/errors/index.js';
import type { FaultBook } from '../../faults/fault-book.js';
import type { GraphRequestFacts } from '../../faults/fault-facts.js';
import type { FaultRegistry } from '../../faults/fault-registry.js';
import { GraphFaultError } from './fault-error.js';
import { FAULT_HEADER, headerFault } from './fault-header.js';
import type { AdmittedCheck } from './admission.js';
import type { GraphRouteSpec, GraphVersion } from './graph-route.js';

type GraphFaults = Awaited<ReturnType<FaultBook['graph']>>;

const VERSION_ROOT = /^\/+(v1\.0|beta)/i;
const NO_FAULTS: GraphFaults = Object.freeze({});

/**
 * Fault injection on the Graph surface (issue 6), after admission so a fault never hides a 401
 * or 403: throttling first (every admitted request counts, as with Graph), then the request's
 * own X-Switchboard-Fault header or else the rules; latency is waited out in real time, then an
 * error is thrown before the handler runs, so a faulted request changes nothing.
 */
export function faultGate(faults: FaultRegistry, wait: (ms: number) => Promise<unknown> = sleep): AdmittedCheck {
  return (request, spec, version, caller) => {
    throttle(faults, caller);
    // The usual request (no header, no rules) has nothing to wait for: no further async turn.
    if (request.headers[FAULT_HEADER] === undefined && faults.list().length === 0) return caller;
    return injected(request, faults, () => factsOf(request, spec, version, caller), wait).then(() => caller);
  };
}

async function injected(request: FastifyRequest, faults: FaultRegistry, facts: () => GraphRequestFacts, wait: (ms: number) => Promise<unknown>): Promise<void> {
  const { error, latency } = await faultsOf(request, faults, facts);
  if (latency && latency.delayMs > 0) await wait(latency.delayMs);
  if (error) throw new GraphFaultError(error.status, { ruleId: error.id, ...pick(error) });
}

function throttle(faults: FaultRegistry, caller: GraphCaller): void {
  const seconds = faults.throttle(caller.appId, caller.tenantId);
  if (seconds !== undefined) throw new DomainError('throttled', { seconds }, { headers: { 'retry-after': String(seconds) } });
}

/**
 * The header wins over the rules, and then the rules are not asked (their counters stay). With no
 * rules at all (the usual case) the request's facts are never built: nothing could match them.
 */
function faultsOf(request: FastifyRequest, faults: FaultRegistry, facts: () => GraphRequestFacts): GraphFaults | Promise<GraphFaults> {
  const oneOff = headerFault(request);
  if (!oneOff) return faults.list().length === 0 ? NO_FAULTS : faults.graph(facts());
  const rule = { ...oneOff, id: 'header', match: {}, trigger: {} };
  return rule.kind === 'graphError' ? { error: rule } : { latency: rule };
}

export function factsOf(request: FastifyRequest, spec: GraphRouteSpec, version: GraphVersion, caller: GraphCaller): GraphRequestFacts {
  const path = (request.url.split('?')[0] ?? '').replace(VERSION_ROOT, '');
  return { operation: spec.operation, httpMethod: request.method, path, version, appId: caller.appId };
}

function pick(error: NonNullable<GraphFaults['error']>): { code?: string; message?: string; retryAfterSeconds?: number } {
  return {
    ...(error.code !== undefined ? { code: error.code } : {}),
    ...(error.message !== undefined ? { message: error.message } : {}),
    ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
  };
}
