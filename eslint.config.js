import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import rules that keep the architecture's arrows pointing one way (see docs/architecture.md). */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'child_process', 'url', 'util', 'stream', 'zlib', 'worker_threads'];
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-output/', 'scratch/', 'resources/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Database']",
          message: 'Open databases only through openDb() in main/db/open-db.ts.',
        },
      ],
    },
  },
  {
    files: ['main/db/open-db.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      {
        group: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'],
        message: 'shared/ is pure: it runs in Node and in the browser.',
      },
      { group: ['**/main/**', '**/renderer/**'], message: 'shared/ imports only shared/.' },
    ]),
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: restrict([
      { group: ['electron', 'electron/*'], message: 'Only main/electron/ may import electron.' },
      { group: ['**/renderer/**', 'react', 'react-dom'], message: 'main/ never imports the renderer.' },
    ]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        {
          group: [...nodeBuiltins, 'electron', 'electron/*', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'],
          message: 'The renderer runs in a browser sandbox.',
        },
        { group: ['**/main/**'], message: 'The renderer talks to main/ only through the API client.' },
      ]),
    },
  },
);
