import { describe, it, expect, vi, afterEach } from 'vitest';
import { newKdfParams, DEFAULT_KDF } from './kdf.ts';

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
