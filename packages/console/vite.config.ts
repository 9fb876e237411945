import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built into the server package (packages/server/console-dist), which serves it at
// /_switchboard/console/: no CDN, no network at run time.
export default defineConfig({
  base: '/_switchboard/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../server/console-dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
});
