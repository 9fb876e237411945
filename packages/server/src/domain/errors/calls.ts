import type { Catalog } from './types.js';

/** Calling-API failures. Graph reports these with numeric codes (e.g. 7504, 8522). */
export const callErrors = {
  // Seen from Graph as `Code: 8522 Message: Call not found.` (microsoft-graph-comms-samples#173).
  callNotFound: { status: 404, code: '8522', message: 'Call not found.' },
  // 7504 is what Graph answers when the tenant has not granted the app a calling permission
  // (microsoft-graph-comms-samples#538, #276).
  insufficientTenantPermissions: { status: 403, code: '7504', message: 'Insufficient enterprise tenant permissions, cannot access this API.' },
} satisfies Catalog;
