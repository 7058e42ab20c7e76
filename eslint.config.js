import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const API_ADDRESSES = [
  {
    selector: 'Literal[value=/^\\/api\\//]',
    message: "An API address belongs in the folder's api.ts (a fetcher, a hook or a URL builder).",
  },
  {
    selector: 'TemplateLiteral > TemplateElement:first-child[value.raw=/^\\/api\\//]',
    message: "An API address belongs in the folder's api.ts (a fetcher, a hook or a URL builder).",
  },
];
const INLINE_KEYS = [
  {
    selector: 'Property[key.name=/^(queryKey|mutationKey)$/] > ArrayExpression',
    message: "A query key is written in the folder's api.ts (its key object), not inline.",
  },
];
const PAGE_HOOKS = [
  {
    selector:
      'ExportNamedDeclaration > FunctionDeclaration[id.name=/^use[A-Z]/], ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[id.name=/^use[A-Z]/]',
    message: "A page exports no hook: data access goes in the folder's api.ts, others in use*.ts.",
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'fixtures/seeds/**',
      'fixtures/gold/**',
      'fixtures/rendered/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Issue 19: the web app reaches the server through each folder's api.ts (fetchers, query
  // keys, hooks; docs/conventions.md), so an address of the API is written nowhere else, and a
  // page file exports no hook.
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    ignores: ['**/api.ts', 'packages/web/src/api/client.ts', 'packages/web/src/auth/urls.ts'],
    rules: { 'no-restricted-syntax': ['error', ...API_ADDRESSES, ...INLINE_KEYS] },
  },
  {
    files: ['packages/web/src/**/*Page.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...API_ADDRESSES, ...INLINE_KEYS, ...PAGE_HOOKS] },
  },
  // Issue 19: a route parses, authorises and makes one call into its concept's module; the
  // queries themselves live in that module (docs/conventions.md "A new route").
  {
    files: ['packages/server/src/**/*Routes.ts', 'packages/server/src/**/routes.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom)$/]',
          message:
            "A route makes no query of its own: put it in the concept's module (queries.ts or the domain file) and call that.",
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
);
