// electron-builder 26 configuration (loaded through jiti: `electron-builder --config
// build/electron-builder.config.ts`). Offline app: no publish target, no auto-update, no rebuild of
// native modules (they ship Node-API binaries in their npm packages, DESIGN §2a).
import type { Configuration } from 'electron-builder';
import afterPack from './after-pack.ts';

/** Native modules load from real files, not from inside app.asar. */
export const asarUnpack = [
  '**/node_modules/better-sqlite3-multiple-ciphers/**',
  '**/node_modules/sharp/**',
  '**/node_modules/@img/**',
  '**/node_modules/@node-rs/**',
  '**/*.node',
];

const config: Configuration = {
  appId: 'org.custody.workstation',
  productName: 'Custody',
  directories: { output: 'release', buildResources: 'build' },
  // The bundles only; electron-builder adds package.json and the production node_modules itself.
  files: ['out/**/*', '!out/**/*.map'],
  asar: true,
  asarUnpack,
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  afterPack,
  publish: null,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    synopsis: 'Offline evidence review workstation',
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
};

export default config;
