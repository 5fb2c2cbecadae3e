// Lint enforces the process boundaries of STYLE.md: what each layer may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { plugin as custody } from './lint/import-zones.rule.js';

const nodeBuiltins = { group: ['node:*'], message: 'This layer runs without Node.' };
const electronPkg = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/main and electron/preload may import electron.',
};

// Import zones, as allow-lists per runtime folder (VS Code's code-layering): a layer imports only
// what is listed here, so a new import is a decision made in this file, not a habit. Each zone
// lists repository files, packages and Node built-ins (bare `fs` and `node:fs` alike);
// lint/import-zones.rule.js resolves relative paths before matching. Tests:
// tests/unit/lint-zones.test.ts.

/** Node built-ins that reach no network: everything Node-side may use these. */
const offlineBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'module',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'stream/promises',
  'string_decoder',
  'timers',
  'timers/promises',
  'url',
  'util',
  'worker_threads',
  'zlib',
];
/** The core's libraries: native ones (SQLite, sharp, Argon2) live only here. */
const corePackages = [
  '@ffmpeg/core',
  '@napi-rs/canvas',
  '@node-rs/argon2',
  '@scure/base',
  'age-encryption',
  'better-sqlite3-multiple-ciphers',
  'chardet',
  'eld',
  'exif-reader',
  'fast-png',
  'file-type',
  'heic-decode',
  'iconv-lite',
  'parse5',
  'mediabunny',
  'htmlparser2',
  'pdfjs-dist',
  'playwright-core',
  'postal-mime',
  'saxes',
  'sharp',
  'tar-stream',
  'xmllint-wasm',
  'yauzl',
  'yazl',
  'zod',
];
// Inside the core: store, blobs, crypto, media, extract and the vault are the floor; services (one folder
// per concept) stand on it; the facade core.ts and adapters stand on services. Never upward.
const coreFloor = [
  'electron/core/crypto/**',
  'electron/core/store/**',
  'electron/core/blobs/**',
  'electron/core/media/**',
  'electron/core/extract/**',
  'electron/core/vault/**',
  'electron/core/errors.ts',
  'electron/core/paths.ts',
];
const coreFacade = ['electron/core/core.ts', 'electron/core/preview/**'];
const offline = 'it runs offline and below Electron';

const testGlobs = ['**/*.test.ts', '**/*.test.tsx'];
/** Tests may also use test support (no zone lets a production file import tests/). */
const testSupport = {
  files: ['tests/helpers/**', 'tests/fixtures/**'],
  packages: ['vitest'],
};
/** Node-side tests may also draw test images with sharp. */
const nodeTestPackages = ['sharp'];
// Tests drive the core whole, through its facade; packaging tests in main read the builder's output.
// Export tests read what they wrote: XML through happy-dom's DOMParser, CASE/UCO JSON-LD through
// an RDF parser into a SHACL validator (devDependencies only).
const coreTests = {
  files: ['electron/core/**'],
  packages: ['happy-dom', 'shacl-engine', 'n3', 'jsonld-streaming-parser', '@rdfjs/data-model'],
};
const mainTests = {
  files: ['build/**'],
  packages: ['electron-builder', 'app-builder-lib', 'builder-util', '@electron/fuses'],
};

const zones = [
  {
    zone: 'shared/',
    dirs: ['shared'],
    why: 'shared/ runs on both sides: no Node, no Electron, no native module, nothing from the app.',
    files: ['shared/**'],
    packages: ['zod'],
  },
  {
    zone: 'renderer/',
    dirs: ['renderer'],
    why: 'the renderer is a web page: no Node, no native module; main is reached only through renderer/ipc/client.ts.',
    files: ['renderer/**', 'shared/**'],
    packages: [
      'react',
      'react-dom',
      'zustand',
      '@tanstack/react-virtual',
      'zod',
      'react-intl',
      '@formatjs/icu-messageformat-parser',
    ],
  },
  {
    zone: 'electron/preload/',
    dirs: ['electron/preload'],
    why: 'the preload exposes one frozen client: it imports only shared/ and electron.',
    files: ['electron/preload/**', 'shared/**'],
    packages: ['electron'],
  },
  {
    zone: 'electron/core/',
    dirs: ['electron/core'],
    tests: coreTests,
    why: `services never import the facade (core.ts), an adapter, main, ipc, the CLI or the renderer; ${offline}.`,
    files: ['electron/core/**', ...coreFacade.map((g) => `!${g}`), 'shared/**'],
    packages: corePackages,
    builtins: offlineBuiltins,
  },
  {
    zone: 'the core floor (store, blobs, crypto, media, vault)',
    dirs: coreFloor.map((g) => g.replace(/\/\*\*$/, '')),
    tests: coreTests,
    why: `the floor serves services and never reaches up to them; ${offline}.`,
    files: [...coreFloor, 'shared/domain/**'],
    packages: corePackages,
    builtins: offlineBuiltins,
  },
  {
    zone: 'the core facade and adapters',
    dirs: coreFacade.map((g) => g.replace(/\/\*\*$/, '')),
    tests: coreTests,
    why: `adapters sit above services, below ipc and main; ${offline}.`,
    files: ['electron/core/**', 'shared/**'],
    packages: corePackages,
    builtins: offlineBuiltins,
  },
  {
    zone: 'electron/ipc/',
    dirs: ['electron/ipc'],
    why: 'handlers adapt the core to the contract: they never reach main, the CLI or the network.',
    files: ['electron/ipc/**', 'electron/core/**', 'shared/**'],
    packages: ['zod'],
    builtins: offlineBuiltins,
  },
  {
    zone: 'electron/cli/',
    dirs: ['electron/cli'],
    why: 'the CLI goes through the dispatcher: no Electron, no network.',
    files: ['electron/cli/**', 'electron/ipc/**', 'electron/core/**', 'shared/**'],
    // FormatJS's core formats its human output from the shared catalogs, as main's does.
    packages: ['@formatjs/intl'],
    builtins: offlineBuiltins,
  },
  {
    zone: 'bin/',
    dirs: ['bin'],
    why: 'the launcher starts the CLI and nothing else.',
    files: ['electron/cli/**'],
  },
  {
    zone: 'build/',
    dirs: ['build'],
    why: 'packaging reads the builder and the fuses, never the app or its tests.',
    files: ['build/**'],
    packages: ['electron-builder', '@electron/fuses'],
    builtins: offlineBuiltins,
  },
  {
    zone: 'electron/main/',
    dirs: ['electron/main'],
    tests: mainTests,
    why: 'the workstation is offline: main has no network module.',
    files: ['electron/main/**', 'electron/ipc/**', 'electron/core/**', 'shared/**'],
    packages: ['electron', '@formatjs/intl'],
    builtins: offlineBuiltins,
  },
];

const filesOf = (dir) => (dir.endsWith('.ts') ? [dir] : [`${dir}/**`]);
const testsOf = (dir) =>
  dir.endsWith('.ts') ? [dir.replace(/\.ts$/, '.test.ts')] : testGlobs.map((t) => `${dir}/${t}`);

/**
 * Per zone, a block for its production files and one for its tests. Flat config lets the last
 * matching block decide a rule's options, so a zone listed later (the core floor) refines an
 * earlier one (the core) for its own folders.
 */
function zoneBlocks() {
  return zones.flatMap(({ dirs, tests = {}, ...zone }) => {
    const forTests = {
      ...zone,
      files: [...zone.files, ...testSupport.files, ...(tests.files ?? [])],
      // Built-ins stay the zone's: web-side tests are in the web program, without Node types.
      packages: [
        ...(zone.packages ?? []),
        ...testSupport.packages,
        ...(zone.builtins ? nodeTestPackages : []),
        ...(tests.packages ?? []),
      ],
    };
    return [
      {
        files: dirs.flatMap(filesOf),
        ignores: testGlobs,
        rules: { 'custody/import-zones': ['error', zone] },
      },
      { files: dirs.flatMap(testsOf), rules: { 'custody/import-zones': ['error', forTests] } },
    ];
  });
}

const networkGlobals = ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource'].map((name) => ({
  name,
  message: 'The workstation is offline: no network from electron/.',
}));

const zoneConfig = [
  { plugins: { custody } },
  ...zoneBlocks(),
  {
    files: ['electron/**'],
    rules: {
      'no-restricted-globals': ['error', ...networkGlobals],
      // The same globals reached as properties: globalThis.fetch(...).
      'no-restricted-properties': [
        'error',
        ...networkGlobals.map(({ name, message }) => ({
          object: 'globalThis',
          property: name,
          message,
        })),
      ],
    },
  },
  {
    files: ['electron/main/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['net', 'netLog'],
              message: 'The workstation is offline: main has no network.',
            },
          ],
        },
      ],
    },
  },
  {
    // eld's n-gram model is ~40 MB of objects: loaded in main, every full garbage collection marks
    // it again (ingest's main-process CPU per photo doubled). The decode process loads it lazily.
    files: ['electron/core/**', 'electron/cli/**'],
    ignores: ['**/*.test.ts', 'electron/core/extract/text/language.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/extract/text/language.ts', 'eld', 'eld/*'],
              message:
                'Language detection runs in the decode process, imported there on first use.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowImportNames: ['contextBridge', 'ipcRenderer', 'webUtils', 'IpcRendererEvent'],
              message: 'The preload uses only contextBridge, ipcRenderer and webUtils.',
            },
          ],
        },
      ],
    },
  },
];

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
  ...zoneConfig,
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
