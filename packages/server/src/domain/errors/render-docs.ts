import { catalogFragments } from './catalog.js';
import type { Catalog } from './types.js';

const AREAS: Record<string, string> = {
  commonErrors: 'Every route (parsing, routing, authentication)',
  identityErrors: 'Token service (Entra OAuth error bodies)',
  worldErrors: 'Control API and world files',
  callErrors: 'Calling API',
  wireErrors: 'Calling API request bodies',
  notifyErrors: 'Callbacks (URL policy, delivery)',
  permissionErrors: 'Permission catalogue',
  featureErrors: 'Calling API: meeting features (recording, gallery, sharing, invite, transfer)',
  controlErrors: 'Calling API: meeting controls (audio routing groups, mutes, removing participants, hold music)',
  mediaErrors: 'Calling API: media operations (prompts, recordings, DTMF tones)',
};

/** docs/errors.md, generated so the documentation cannot drift from the catalogue. */
export function renderErrorDocs(): string {
  const parts = ['# Errors', '', 'Generated from `packages/server/src/domain/errors/` by `scripts/generate-error-docs.ts`; a test fails when this file is stale.', ''];
  for (const [fragment, catalog] of Object.entries(catalogFragments) as [string, Catalog][]) {
    parts.push(`## ${AREAS[fragment] ?? fragment}`, '', '| id | HTTP | code | message |', '|---|---|---|---|');
    for (const [id, spec] of Object.entries(catalog)) {
      const code = spec.aadsts ? `${spec.code} (AADSTS${spec.aadsts})` : spec.code;
      parts.push(`| \`${id}\` | ${spec.status} | \`${code}\` | ${spec.message.replace(/\|/g, '\\|')} |`);
    }
    parts.push('');
  }
  return parts.join('\n');
}
