// The Electron tests: a build of the app, then Playwright's _electron against it. Not in the root
// vitest run (they need a build and, for the end-to-end part, the Electron binary).
// Run: npm exec -- vitest run --config tests/electron/vitest.config.ts
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: resolve(import.meta.dirname, '../..'),
    include: ['tests/electron/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Each file builds the app; one at a time on a 2-core machine.
    fileParallelism: false,
  },
});
