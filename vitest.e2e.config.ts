// End-to-end tests: the real core behind the browser harness, driven in Debian's Chromium.
// Run with `vitest run -c vitest.e2e.config.ts`. One file at a time: each starts a browser.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    env: { CUSTODY_TEST_WEAK_KDF: '1' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
