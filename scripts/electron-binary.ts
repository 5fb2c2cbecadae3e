// Finds the Electron binary without triggering the electron package's own download-on-require,
// which throws an unhelpful error where the download host is unreachable.
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const require = createRequire(import.meta.url);

export function electronPackageDir(): string {
  return dirname(require.resolve('electron/package.json'));
}

export function electronVersion(): string {
  return (
    JSON.parse(readFileSync(join(electronPackageDir(), 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
}

function platformExecutable(): string {
  switch (process.platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/** The path of an Electron executable that exists, or null. */
export function findElectronBinary(): string | null {
  const dir = electronPackageDir();
  const pathFile = join(dir, 'path.txt');
  const rel = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : platformExecutable();
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override ? join(override, rel) : join(dir, 'dist', rel);
  return existsSync(candidate) ? candidate : null;
}

/** Runs the electron package's installer (a download). True when a binary exists afterwards. */
export function tryDownloadElectron(timeoutMs = 120_000): boolean {
  const result = spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: timeoutMs,
    encoding: 'utf8',
  });
  return result.status === 0 && findElectronBinary() !== null;
}

export function howToGetElectron(): string {
  const v = electronVersion();
  const zip = `electron-v${v}-${process.platform}-${process.arch}.zip`;
  return [
    `Custody needs the Electron ${v} binary, and there is none on this machine.`,
    `npm does not ship it: Electron downloads it on first run, and that download failed here`,
    `(this machine cannot reach Electron's download host).`,
    ``,
    `Get it in one of these ways, then run \`npm start\` again:`,
    `  1. On a machine with internet access, in this folder: npx install-electron`,
    `  2. Through a mirror your organisation runs: ELECTRON_MIRROR=https://mirror.example/electron/ npx install-electron`,
    `  3. Copy ${zip} (from Electron's GitHub releases, checked against its SHASUMS256.txt) here,`,
    `     unzip it into node_modules/electron/dist/, and write "${platformExecutable()}" into node_modules/electron/path.txt`,
    `  4. Use an unpacked Electron ${v} you already have: ELECTRON_OVERRIDE_DIST_PATH=/path/to/its/folder npm start`,
    ``,
    `Everything else works without it: \`npm test\` and \`npm run harness\` (the UI in a browser).`,
  ].join('\n');
}
