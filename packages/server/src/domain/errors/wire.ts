import type { Catalog } from './types.js';

/**
 * Request-body failures of the calling API (src/wire/requests). Graph rejects a body it cannot
 * read with 400 before any call logic runs; the messages name the offending property (as a
 * path like `meetingInfo.joinMeetingId`) so a bot developer can find the field an SDK dropped
 * (CLIENTS.md §4: Kiota omits derived-type fields).
 */
export const wireErrors = {
  // Graph's answer to a POST without a body.
  emptyPayload: { status: 400, code: 'BadRequest', message: 'Empty Payload. JSON content expected.' },
  bodyNotObject: { status: 400, code: 'BadRequest', message: 'The request body must be a JSON object, not {actual}.' },
  // The OData reader's wording for an @odata.type the model does not know.
  unknownODataType: {
    status: 400,
    code: 'BadRequest',
    message: "A type named '{type}' could not be resolved by the model (property '{property}'). When a model is available, each type name must resolve to a valid type.",
  },
  odataTypeNotAssignable: {
    status: 400,
    code: 'BadRequest',
    message: "A resource with type '{type}' was found, but it is not assignable to the expected type '{expected}' (property '{property}').",
  },
  requiredProperty: { status: 400, code: 'BadRequest', message: "The required property '{property}' is missing or null." },
  invalidPropertyValue: { status: 400, code: 'BadRequest', message: "The value of '{property}' is invalid: {reason}." },
  // Code and message as Graph answers a create call without usable media configuration
  // (microsoft-graph-docs-contrib#9126: appHostedMediaConfig without `blob`).
  missingMediaConfig: { status: 400, code: '8523', message: 'Missing mediaConfig information.' },
  missingMediaConfigBlob: { status: 400, code: '8523', message: "Missing mediaConfig information: an appHostedMediaConfig needs its 'blob' (property '{property}')." },
} satisfies Catalog;
