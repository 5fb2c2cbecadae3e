import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'electron/**/*.test.ts',
      'shared/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'tests/unit/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Fast Argon2 for the hundreds of vaults tests create; kdf.test.ts checks the real profile.
    env: { CUSTODY_TEST_WEAK_KDF: '1' },
  },
});
