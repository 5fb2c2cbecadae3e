// `npm start`: build, then open the app in Electron, or explain how to get Electron where it is missing.
import { spawnSync } from 'node:child_process';
import { findElectronBinary, tryDownloadElectron, howToGetElectron } from './electron-binary.ts';

let binary = findElectronBinary();
if (!binary && process.env['CUSTODY_NO_ELECTRON_DOWNLOAD'] !== '1') {
  console.error(
    'No Electron binary yet; trying to download it (Electron does this on first run)...',
  );
  if (tryDownloadElectron()) binary = findElectronBinary();
}
if (!binary) {
  console.error(howToGetElectron());
  process.exit(1);
}

const build = spawnSync('npx', ['electron-vite', 'build'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const run = spawnSync(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 0);
