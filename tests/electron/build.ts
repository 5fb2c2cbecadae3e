// Builds the app with the project's own electron-vite config, as `npm run build` does.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** Runs `electron-vite build` (into `outDir` when given, else out/); throws with its output on failure. */
export function buildApp(outDir?: string): void {
  const require = createRequire(import.meta.url);
  const cli = join(
    dirname(require.resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  );
  const args = [cli, 'build', ...(outDir ? ['--outDir', outDir] : [])];
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`electron-vite build failed (status ${String(result.status)}):\n${output}`);
  }
}
