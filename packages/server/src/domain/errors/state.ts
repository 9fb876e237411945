import type { Catalog } from './types.js';

/** Virtual clock and state export/import failures (issue 6; docs/time.md, docs/export-format.md). */
export const stateErrors = {
  exportInvalid: { status: 400, code: 'BadRequest', message: 'The file is not a Switchboard export: {details}' },
  exportTooNew: { status: 400, code: 'BadRequest', message: 'The export has format version {version}; this server reads versions up to {supported}. Import it with a newer Switchboard.' },
  clockOutOfRange: { status: 400, code: 'BadRequest', message: 'The clock cannot do that: {details}' },
} satisfies Catalog;
