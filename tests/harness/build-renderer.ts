// Builds only the renderer bundle, with the renderer section of electron.vite.config.ts, so the
// harness serves the same bundle the app loads. (electron-vite has no renderer-only build.)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, mergeConfig, type InlineConfig, type UserConfig } from 'vite';
import electronViteConfig from '../../electron.vite.config.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const defaultRendererDir = join(repoRoot, 'out', 'renderer');

async function rendererConfig(): Promise<UserConfig> {
  const exported: unknown = await (typeof electronViteConfig === 'function'
    ? (electronViteConfig as (env: object) => unknown)({ command: 'build', mode: 'production' })
    : electronViteConfig);
  const renderer = (exported as { renderer?: unknown } | null)?.renderer;
  if (!renderer || typeof renderer !== 'object') {
    throw new Error('electron.vite.config.ts has no renderer section to build from.');
  }
  return renderer;
}

export async function buildRenderer(outDir: string = defaultRendererDir): Promise<string> {
  const harnessDefaults: InlineConfig = {
    configFile: false,
    mode: 'production',
    base: './',
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
    },
  };
  // Under vitest NODE_ENV is 'test', which would bundle React's development build.
  const nodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build(mergeConfig(await rendererConfig(), harnessDefaults) as InlineConfig);
  } finally {
    if (nodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = nodeEnv;
  }
  return outDir;
}

export async function ensureRendererBuilt(
  dir: string = defaultRendererDir,
  options: { rebuild?: boolean } = {},
): Promise<string> {
  if (options.rebuild || !existsSync(join(dir, 'index.html'))) await buildRenderer(dir);
  return dir;
}
