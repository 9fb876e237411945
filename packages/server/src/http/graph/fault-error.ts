import { STATUS_CODES } from 'node:http';
import { DomainError } from '../../domain/errors/index.js';

/**
 * `error.code` of an injected fault when the rule gives none: what Graph answers with that status
 * (Graph error responses: serviceNotAvailable for 503; throttling answers TooManyRequests), the
 * catalogue's codes for the rest, and the status's reason phrase otherwise.
 */
const DEFAULT_CODES: Readonly<Record<number, string>> = {
  400: 'BadRequest',
  401: 'InvalidAuthenticationToken',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'serviceNotAvailable',
  504: 'GatewayTimeout',
};

export function defaultFaultCode(status: number): string {
  return DEFAULT_CODES[status] ?? (STATUS_CODES[status] ?? 'UnknownError').replace(/[^A-Za-z]+(.)?/g, (_all, next: string | undefined) => (next ?? '').toUpperCase());
}

/** A Graph error a fault rule asked for: any status and code, rendered by the one error renderer. */
export class GraphFaultError extends DomainError {
  readonly wireCode: string;

  constructor(
    private readonly faultStatus: number,
    fault: { ruleId: string; code?: string; message?: string; retryAfterSeconds?: number },
  ) {
    super('injectedFault', { ruleId: fault.ruleId }, { ...(fault.message ? { message: fault.message } : {}), headers: retryAfter(fault.retryAfterSeconds) });
    this.wireCode = fault.code ?? defaultFaultCode(faultStatus);
  }

  override get status(): number {
    return this.faultStatus;
  }
}

function retryAfter(seconds: number | undefined): Record<string, string> {
  return seconds === undefined ? {} : { 'retry-after': String(seconds) };
}
