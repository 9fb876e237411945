export { DomainError, isDomainError, fillTemplate } from './domain-error.js';
export { errorCatalog, specOf, type ErrorId } from './catalog.js';
export type { ErrorSpec } from './types.js';
