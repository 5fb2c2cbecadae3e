// Lint enforces the process boundaries of STYLE.md: what each layer may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = { group: ['node:*'], message: 'This layer runs without Node.' };
const electronPkg = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/main and electron/preload may import electron.',
};
const netModules = {
  group: [
    'node:net',
    'node:http',
    'node:https',
    'node:http2',
    'node:dgram',
    'node:tls',
    'net',
    'http',
    'https',
  ],
  message: 'The workstation is offline: no networking outside the test harness.',
};

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'test-results', 'tests/fixtures'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
      'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electronPkg,
            {
              group: [
                'react',
                'react-dom',
                '../electron/*',
                '../../electron/*',
                '../renderer/*',
                '../../renderer/*',
              ],
              message: 'shared/ stands alone.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**', 'electron/ipc/**', 'electron/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronPkg, netModules] }] },
  },
  {
    files: ['electron/main/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [netModules] }] },
  },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              group: ['../core/*', '../main/*', '../ipc/*'],
              message: 'The preload imports only shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electronPkg,
            {
              group: ['**/electron/**'],
              message: 'The renderer reaches main only through renderer/ipc/client.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/cli/**',
      'scripts/**',
      'bench/**',
      'tests/**',
      'bin/**',
      '**/*.test.ts',
      '**/*.test.tsx',
    ],
    rules: { 'no-console': 'off' },
  },
);
