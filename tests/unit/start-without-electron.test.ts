// Where the Electron binary cannot be fetched, install still succeeds and `npm start` says how to get it.
import { describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { findElectronBinary } from '../../scripts/electron-binary.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

describe('without an Electron binary', () => {
  it('installs: the electron package runs nothing at install time', () => {
    const pkg = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    for (const hook of ['preinstall', 'install', 'postinstall'])
      expect(pkg.scripts?.[hook], hook).toBeUndefined();
  });

  const hasBinary = findElectronBinary() !== null;
  if (hasBinary)
    console.log(
      'Skipping the npm start message test: an Electron binary exists here, so npm start would open the app.',
    );
  it.skipIf(hasBinary)(
    'npm start exits 1 with the how-to message when the download fails',
    async () => {
      // Electron's installer honours ELECTRON_MIRROR: point it at a closed loopback port so the download fails at once.
      const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [join(ROOT, 'scripts', 'start.ts')],
          {
            env: {
              ...process.env,
              ELECTRON_MIRROR: 'http://127.0.0.1:9/',
              electron_config_cache: join(ROOT, 'node_modules', '.cache', 'no-electron'),
            },
          },
          (err, _stdout, stderr) =>
            resolve({ code: typeof err?.code === 'number' ? err.code : 0, stderr }),
        );
      });
      expect(code).toBe(1);
      expect(stderr).toContain('Custody needs the Electron 45');
      expect(stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
      expect(stderr).toContain('npm test');
    },
  );
});
