import type { Catalog } from './types.js';

/** Permission-catalogue lookups of the control API (GET /_switchboard/permissions/:name). */
export const permissionErrors = {
  permissionNotFound: { status: 404, code: 'NotFound', message: "No calling permission is named '{name}'." },
} satisfies Catalog;
