import type { Catalog } from './types.js';

/**
 * Callback (notification) failures. Graph only says that a callbackUri must be https
 * (BEHAVIOR.md §3.1); the host rules are Switchboard's guard against server-side request forgery
 * (docs/callbacks.md), so their messages name the option that lifts them.
 */
export const notifyErrors = {
  callbackUriInvalid: { status: 400, code: 'BadRequest', message: "The callbackUri '{url}' is not valid: {reason}." },
  callbackUriNotAllowed: {
    status: 400,
    code: 'BadRequest',
    message: "Callbacks to host '{host}' are not allowed. Loopback hosts always are; allow others with --callback-host {host} (SWITCHBOARD_CALLBACK_HOSTS, '*' allows any).",
  },
  callbackHttpNotAllowed: {
    status: 400,
    code: 'BadRequest',
    message: "The callbackUri '{url}' is plain http to the non-loopback host '{host}'; Graph requires https. Allow http with --allow-http-callbacks (SWITCHBOARD_ALLOW_HTTP_CALLBACKS).",
  },
  deliveryNotFound: { status: 404, code: 'NotFound', message: "There is no delivery attempt with id '{id}' in the delivery log." },
} satisfies Catalog;
