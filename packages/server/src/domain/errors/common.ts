import type { Catalog } from './types.js';

/** Errors every Graph-shaped route can produce (request parsing, routing, auth). */
export const commonErrors = {
  internal: { status: 500, code: 'InternalServerError', message: 'An internal server error occurred.' },
  badRequest: { status: 400, code: 'BadRequest', message: 'The request is invalid.' },
  invalidJson: { status: 400, code: 'BadRequest', message: 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.' },
  segmentNotFound: { status: 400, code: 'BadRequest', message: "Resource not found for the segment '{segment}'." },
  unsupportedMediaType: { status: 415, code: 'UnsupportedMediaType', message: "The content type '{type}' is not supported; send application/json." },
  payloadTooLarge: { status: 413, code: 'RequestEntityTooLarge', message: 'The request body exceeds the limit of {limit} bytes.' },
  methodNotAllowed: { status: 405, code: 'MethodNotAllowed', message: "The method '{method}' is not allowed on this resource." },
  notFound: { status: 404, code: 'NotFound', message: 'The requested resource was not found.' },
  tokenEmpty: { status: 401, code: 'InvalidAuthenticationToken', message: 'Access token is empty.' },
  tokenMalformed: { status: 401, code: 'InvalidAuthenticationToken', message: 'CompactToken parsing failed with error code: 80049217' },
  tokenInvalid: { status: 401, code: 'InvalidAuthenticationToken', message: 'Access token validation failure.' },
  tokenBadAudience: { status: 401, code: 'InvalidAuthenticationToken', message: 'Access token validation failure. Invalid audience.' },
  tokenExpired: { status: 401, code: 'InvalidAuthenticationToken', message: 'Lifetime validation failed, the token is expired.' },
  forbidden: { status: 403, code: 'Forbidden', message: 'Insufficient privileges to complete the operation.' },
  adminKeyRequired: { status: 401, code: 'Unauthorized', message: 'The control API needs Authorization: Bearer <admin key> (the key is in <data>/admin.key and printed at start).' },
} satisfies Catalog;
