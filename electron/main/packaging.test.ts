// The packaging step (build/) cannot run here without the Electron binary, so its policy is tested
// on its own: the fuse map, the afterPack hook on a stand-in binary, and the builder config against
// electron-builder's own schema validation.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, matchesGlob, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { AfterPackContext, Configuration } from 'electron-builder';
import afterPack, {
  fuseMismatches,
  packedExecutable,
  requiredFuses,
} from '../../build/after-pack.ts';
import config, { asarUnpack } from '../../build/electron-builder.config.ts';

const require = createRequire(import.meta.url);
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A stand-in for the Electron executable: bytes around a V1 fuse wire in Electron's default state. */
function fakeElectron(): Buffer {
  const stock = '10110001'; // RunAsNode on, cookies off, NODE_OPTIONS on, inspect on, ... file:// extras on
  return Buffer.concat([
    Buffer.from('\x7fELF padding before the wire'),
    Buffer.from(SENTINEL),
    Buffer.from([1, stock.length]),
    Buffer.from(stock),
    Buffer.from('padding after the wire'),
  ]);
}

describe('requiredFuses', () => {
  it('is exactly the fuse map the threat model requires', () => {
    const byName = Object.fromEntries(
      Object.entries(requiredFuses).map(([k, v]) => [FuseV1Options[Number(k) as FuseV1Options], v]),
    );
    expect(byName).toStrictEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('names every fuse that differs from the map', () => {
    const ok = Object.fromEntries(
      Object.entries(requiredFuses).map(([k, v]) => [k, (v ? '1' : '0').charCodeAt(0)]),
    );
    expect(fuseMismatches(ok, requiredFuses)).toEqual([]);
    const wrong = { ...ok, [FuseV1Options.RunAsNode]: 49, [FuseV1Options.OnlyLoadAppFromAsar]: 48 };
    expect(fuseMismatches(wrong, requiredFuses)).toEqual(['RunAsNode', 'OnlyLoadAppFromAsar']);
    const missing: Record<number, number> = { ...ok };
    delete missing[FuseV1Options.GrantFileProtocolExtraPrivileges];
    expect(fuseMismatches(missing, requiredFuses)).toEqual(['GrantFileProtocolExtraPrivileges']);
  });
});

describe('afterPack', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'custody-afterpack-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('flips the fuses of the packed executable and reads them back', async () => {
    const executable = join(dir, 'custody');
    await writeFile(executable, fakeElectron());
    const context = {
      appOutDir: dir,
      electronPlatformName: 'linux',
      packager: { appInfo: { productFilename: 'Custody' }, executableName: 'custody' },
    } as unknown as AfterPackContext;
    await afterPack(context);
    const wire = await getCurrentFuseWire(executable);
    expect(fuseMismatches(wire, requiredFuses)).toEqual([]);
    // Only the wire changed: the bytes around it are the binary's own.
    const after = await readFile(executable);
    expect(after.length).toBe(fakeElectron().length);
    expect(after.subarray(after.length - 22).toString()).toBe('padding after the wire');
  });

  it('fails the build when the executable has no fuse wire', async () => {
    await writeFile(join(dir, 'custody'), 'not electron');
    const context = {
      appOutDir: dir,
      electronPlatformName: 'linux',
      packager: { appInfo: { productFilename: 'Custody' }, executableName: 'custody' },
    } as unknown as AfterPackContext;
    await expect(afterPack(context)).rejects.toThrow(/sentinel/);
  });

  it('finds the executable each platform packs', () => {
    const packager = { appInfo: { productFilename: 'Custody' }, executableName: 'custody' };
    const at = (electronPlatformName: string) =>
      packedExecutable({ appOutDir: '/out', electronPlatformName, packager });
    expect(at('linux')).toBe(join('/out', 'custody'));
    expect(at('win32')).toBe(join('/out', 'Custody.exe'));
    expect(at('darwin')).toBe(join('/out', 'Custody.app'));
  });
});

describe('electron-builder configuration', () => {
  it('passes electron-builder 26 own schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (c: Configuration, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util/out/DebugLogger.js') as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The same validation refuses a misspelt key, so passing it means something.
    const misspelt = { ...config, asarUnpak: asarUnpack } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /asarUnpak/,
    );
  });

  it('builds the three platforms targets, offline, without rebuilding native modules', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.publish).toBeNull();
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.afterPack).toBe(afterPack);
    expect(config.files).toEqual(['out/**/*', '!out/**/*.map']);
  });

  it('unpacks every native binary of the native modules from the asar', async () => {
    const roots = ['better-sqlite3-multiple-ciphers', 'sharp', '@img', '@node-rs'].map((m) =>
      join(process.cwd(), 'node_modules', m),
    );
    const natives: string[] = [];
    for (const root of roots) {
      for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
        const path = relative(process.cwd(), join(entry.parentPath, entry.name));
        if (
          entry.isFile() &&
          (/\.node$/.test(entry.name) || /\.(so|dylib|dll)(\.|$)/.test(entry.name))
        ) {
          natives.push(path);
        }
      }
    }
    expect(natives.length).toBeGreaterThan(0);
    for (const path of natives) {
      expect(
        asarUnpack.some((pattern) => matchesGlob(path, pattern)),
        path,
      ).toBe(true);
    }
  });
});
