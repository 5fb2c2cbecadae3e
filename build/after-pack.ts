// electron-builder's afterPack hook: flips the Electron fuses of the packed binary (before signing,
// which then seals them), reads the wire back, and fails the build if any fuse is not as required.
// Why each: docs/security-checklist.md, item 19.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

/** Every fuse of the V1 wire, each set on purpose (strictlyRequireAllFuses makes a new one an error). */
export const requiredFuses: Readonly<Record<FuseV1Options, boolean>> = {
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node interpreter.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS / --inspect would let anyone with the user's session inject code into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Together: only the app.asar whose hash is embedded at build time runs (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // No page is served from file://, so file:// gets no more than a browser gives it.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** Byte values @electron/fuses reads back: '0' disabled, '1' enabled. */
const ENABLED = '1'.charCodeAt(0);
const DISABLED = '0'.charCodeAt(0);

/** The names of the fuses whose state in `wire` differs from `required`. */
export function fuseMismatches(
  wire: Readonly<Partial<Record<FuseV1Options, number>>>,
  required: Readonly<Record<FuseV1Options, boolean>>,
): string[] {
  const wrong: string[] = [];
  for (const [key, enabled] of Object.entries<boolean>(required)) {
    const option = Number(key) as FuseV1Options;
    if (wire[option] !== (enabled ? ENABLED : DISABLED)) wrong.push(FuseV1Options[option]);
  }
  return wrong;
}

/** The Electron executable (or macOS bundle) electron-builder just packed. */
export function packedExecutable(context: {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}): string {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${name}.app`);
    case 'win32':
      return join(appOutDir, `${name}.exe`);
    default:
      return join(appOutDir, packager.executableName ?? name);
  }
}

export default async function afterPack(context: AfterPackContext): Promise<void> {
  const executable = packedExecutable(context);
  const mac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(executable, {
    version: FuseVersion.V1,
    // Flipping invalidates the ad-hoc signature of macOS arm64 binaries; re-sign ad hoc.
    resetAdHocDarwinSignature: mac,
    strictlyRequireAllFuses: true,
    ...requiredFuses,
  });
  const wrong = fuseMismatches(await getCurrentFuseWire(executable), requiredFuses);
  if (wrong.length > 0) throw new Error(`Electron fuses not as required: ${wrong.join(', ')}`);
}
