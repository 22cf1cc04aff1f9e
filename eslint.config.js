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
  {
    // One look and one rule everywhere (issue 17): screens draw buttons, choices, tables and inline
    // notices with the shared components in renderer/components/ui, which alone hold their classes.
    files: ['renderer/**/*.tsx'],
    // RegisterTable is the registers' own shared table (virtual rows, column widths).
    ignores: ['renderer/components/ui/**', 'renderer/components/register/RegisterTable.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXOpeningElement[name.name='button'] JSXAttribute[name.name='className'] Literal[value=/(^|\\s)(button|link-button)(\\s|$)/]",
          message: 'Use <Button kind="primary|secondary|quiet|danger|danger-quiet|link"> from components/ui/Button: one look for each kind of button.',
        },
        {
          selector: "JSXOpeningElement[name.name='input'] > JSXAttribute[name.name='type'][value.value=/^(radio|checkbox)$/]",
          message: 'Use <RadioGroup> or <Toggle> from components/ui: every choice looks and reads alike.',
        },
        {
          selector: "JSXOpeningElement[name.name='table'] > JSXAttribute[name.name='className'] > Literal[value=/(^|\\s)table(\\s|$)/]",
          message: 'Use <DataTable> from components/ui/DataTable (or RegisterTable for a register).',
        },
        {
          selector: "JSXAttribute[name.name='className'] > Literal[value=/(^|\\s)(form__alert|form__warning)(\\s|$)/]",
          message: 'Use <InlineNotice tone="problem|warning|info"> from components/ui/InlineNotice.',
        },
        {
          selector: "JSXOpeningElement[name.name='label'] > JSXAttribute[name.name='className'] > Literal[value=/^field$/]",
          message: 'Use <Field label=…> from components/form/Field: its label, hint and error are tied to the control.',
        },
      ],
    },
  },
);
