import { describe, it, expect, vi, afterEach } from 'vitest';
import { newKdfParams, DEFAULT_KDF, kdfOutOfBounds } from './kdf.ts';

afterEach(() => vi.unstubAllEnvs());

describe('KDF parameters', () => {
  it('default to Argon2id with 256 MiB and 3 passes outside tests', () => {
    vi.stubEnv('CUSTODY_TEST_WEAK_KDF', '');
    const p = newKdfParams();
    expect(p).toMatchObject({
      algorithm: 'argon2id',
      memoryKiB: 262144,
      iterations: 3,
      parallelism: 1,
    });
    expect(DEFAULT_KDF.memoryKiB).toBe(256 * 1024);
    expect(Buffer.from(p.salt, 'base64')).toHaveLength(16);
    expect(newKdfParams().salt).not.toBe(p.salt);
  });
});

describe('CUSTODY_TEST_WEAK_KDF', () => {
  it('is honoured inside the test runner only', () => {
    vi.stubEnv('CUSTODY_TEST_WEAK_KDF', '1');
    expect(newKdfParams().memoryKiB).toBe(8192);
    vi.stubEnv('VITEST', undefined);
    expect(process.env['VITEST']).toBeUndefined();
    expect(newKdfParams()).toMatchObject({ memoryKiB: 262144, iterations: 3 });
  });
});

describe('KDF bounds', () => {
  it('accept the default and the test profile, refuse what would hang unlock', () => {
    expect(kdfOutOfBounds(DEFAULT_KDF)).toBeNull();
    expect(kdfOutOfBounds({ memoryKiB: 8192, iterations: 1, parallelism: 1 })).toBeNull();
    expect(kdfOutOfBounds({ memoryKiB: 64 * 1024 * 1024, iterations: 3, parallelism: 1 })).toBe(
      'its Argon2id memoryKiB is 67108864, outside the accepted 8192–2097152',
    );
    expect(kdfOutOfBounds({ memoryKiB: 8192, iterations: 200_000, parallelism: 1 })).toMatch(
      /iterations is 200000, outside the accepted 1–16/,
    );
  });
});
