// Lint enforces the process boundaries of STYLE.md: what each layer may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

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

// Renderer layering (STYLE.md): app/ is the shell and may import anything in the renderer;
// features build on base/ (store wrapper, outcome, route, i18n, shortcuts) and components/;
// base/ knows no feature; only the store wrapper imports zustand; components (*.tsx) reach the
// core only through stores, never the IPC client; nothing in the renderer imports Node. Kept as
// its own rule (the typescript-eslint twin of no-restricted-imports) so it adds to the zones
// above instead of replacing them. Later blocks win, so each repeats what it inherits.
const renderer = {
  node: { group: ['node:*'], message: 'The renderer runs without Node.' },
  zustand: {
    group: ['zustand', 'zustand/*'],
    message: 'Stores are made through renderer/base/store.ts, the one zustand wrapper.',
  },
  shell: {
    group: ['**/app/*', '../app', '../../app'],
    message: 'renderer/app is the shell; shared pieces live in renderer/base.',
  },
  features: {
    group: ['**/features/*'],
    message: 'renderer/base is below the features and knows none of them.',
  },
  client: {
    group: ['**/ipc/client.ts', '**/ipc/client'],
    message: 'Components reach the core through a store, never the IPC client.',
  },
};
// Bare built-in names ('fs', 'fs/promises') as exact paths: as patterns, 'domain' would match
// shared/domain/.
const bareBuiltins = builtinModules.map((name) => ({
  name,
  message: 'The renderer runs without Node.',
}));
const rendererZone = (files, ...patterns) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', { paths: bareBuiltins, patterns }],
  },
});
const rendererZones = [
  rendererZone(['renderer/**'], renderer.node, renderer.zustand),
  rendererZone(
    ['renderer/features/**', 'renderer/components/**', 'renderer/ipc/**'],
    renderer.node,
    renderer.zustand,
    renderer.shell,
  ),
  rendererZone(
    ['renderer/base/**'],
    renderer.node,
    renderer.zustand,
    renderer.shell,
    renderer.features,
  ),
  rendererZone(['renderer/base/store.ts'], renderer.node, renderer.shell, renderer.features),
  rendererZone(['renderer/app/**/*.tsx'], renderer.node, renderer.zustand, renderer.client),
  rendererZone(
    ['renderer/features/**/*.tsx', 'renderer/components/**/*.tsx'],
    renderer.node,
    renderer.zustand,
    renderer.shell,
    renderer.client,
  ),
];

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
  ...rendererZones,
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
