// Lint config: typescript-eslint recommended + the layering rules from docs/adr/0002-layers.md.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.switchboard/**', 'coverage/**', 'packages/server/console-dist/**', '**/test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['warn', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The domain is pure: no I/O, no HTTP, no storage, no wall clock.
    files: ['packages/server/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['../http/*', '../../http/*', '../storage/*', '../../storage/*', 'fastify', 'node:fs', 'node:http', 'better-sqlite3'],
        'domain/ must stay pure (see docs/adr/0002-layers.md)',
      ),
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Inject a Clock instead.' }],
    },
  },
  {
    // Only http/ knows the web framework.
    files: ['packages/server/src/{app,auth,storage,world,permissions,tls}/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(['fastify', '../http/*', '../../http/*'], 'only http/ may use the web framework'),
    },
  },
  {
    // The web console runs in the browser: DOM globals, no Node.
    files: ['packages/console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Suites group many cases in one describe(); the function budget is for production code.
    files: ['**/test/**/*.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
);
