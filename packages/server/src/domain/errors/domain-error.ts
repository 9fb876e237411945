import { specOf, type ErrorId } from './catalog.js';

/**
 * A failure the caller can act on. Thrown anywhere below http/; rendered only by
 * http/error-response.ts. `params` fill `{name}` placeholders of the catalogue message.
 */
export class DomainError extends Error {
  readonly id: ErrorId;
  readonly params: Record<string, string | number>;
  readonly headers: Record<string, string>;

  constructor(id: ErrorId, params: Record<string, string | number> = {}, options: { message?: string; headers?: Record<string, string> } = {}) {
    super(options.message ?? fillTemplate(specOf(id).message, params));
    this.name = 'DomainError';
    this.id = id;
    this.params = params;
    this.headers = options.headers ?? {};
  }

  get status(): number {
    return specOf(this.id).status;
  }
}

export function fillTemplate(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
