import type { Catalog } from './types.js';

/** Control-API and world-file failures (tenants, users, apps, consent, meetings). */
export const worldErrors = {
  validationFailed: { status: 400, code: 'BadRequest', message: 'The request body is invalid: {details}' },
  versionConflict: { status: 409, code: 'Conflict', message: 'The resource was changed by another request; read it again and retry.' },
  tenantNotFound: { status: 404, code: 'NotFound', message: "No tenant with id or domain '{tenant}' exists." },
  userNotFound: { status: 404, code: 'NotFound', message: "No user with id '{userId}' exists." },
  applicationNotFound: { status: 404, code: 'NotFound', message: "No application with appId '{appId}' exists." },
  meetingNotFound: { status: 404, code: 'NotFound', message: "No meeting with id '{meetingId}' exists." },
  secretNotFound: { status: 404, code: 'NotFound', message: "Application '{appId}' has no client secret with id '{secretId}'." },
  certificateNotFound: { status: 404, code: 'NotFound', message: "Application '{appId}' has no certificate with id '{certificateId}'." },
  consentNotFound: { status: 404, code: 'NotFound', message: "Application '{appId}' has no consent in tenant '{tenantId}'." },
  unknownPermission: { status: 400, code: 'BadRequest', message: "'{permission}' is not a calling permission. Known permissions: {known}." },
  invalidCertificate: { status: 400, code: 'BadRequest', message: 'The certificate is not a PEM-encoded X.509 certificate: {reason}' },
  alreadyExists: { status: 409, code: 'Conflict', message: "A {kind} with id '{id}' already exists." },
  stillReferenced: { status: 409, code: 'Conflict', message: "{kind} '{id}' is still in use by {references}; delete those first." },
  replaceNeedsWorldFile: { status: 400, code: 'BadRequest', message: "World mode 'replace' needs a world file: replacing the world with nothing would leave no tenant." },
} satisfies Catalog;
