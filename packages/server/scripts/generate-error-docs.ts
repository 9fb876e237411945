// Writes docs/errors.md from the error catalogue (run: npx tsx packages/server/scripts/generate-error-docs.ts).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderErrorDocs } from '../src/domain/errors/render-docs.js';

const target = fileURLToPath(new URL('../../../docs/errors.md', import.meta.url));
await writeFile(target, renderErrorDocs());
console.log(`wrote ${target}`);
