// Passphrase → key-encryption key. Argon2id parameters live in the vault header, so tuning them
// later never locks out an existing vault: unlock always uses what the header records.
import { hashRaw } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { SecretKey } from '../crypto/secret-key.ts';

export interface KdfParams {
  algorithm: 'argon2id';
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  /** base64 */
  salt: string;
}

/** About 256 MiB and ~1 s on a laptop: a stolen laptop allows offline guessing. */
export const DEFAULT_KDF = { memoryKiB: 256 * 1024, iterations: 3, parallelism: 1 } as const;

/**
 * A deliberately weak profile, only for automated tests, which create hundreds of vaults.
 * Selected by CUSTODY_TEST_WEAK_KDF=1 and honoured only inside the test runner (vitest sets
 * VITEST), so a variable left in someone's shell never makes a real vault weak. The header
 * records the parameters either way.
 */
export const TEST_KDF = { memoryKiB: 8 * 1024, iterations: 1, parallelism: 1 } as const;

export function weakKdfForTests(): boolean {
  return process.env['CUSTODY_TEST_WEAK_KDF'] === '1' && process.env['VITEST'] !== undefined;
}

export function newKdfParams(): KdfParams {
  const profile = weakKdfForTests() ? TEST_KDF : DEFAULT_KDF;
  return { algorithm: 'argon2id', ...profile, salt: randomBytes(16).toString('base64') };
}

/**
 * What unlock accepts from a header: the test profile at the bottom, 8× the default memory and
 * about 5× its passes at the top. Beyond that a damaged or hostile vault.json would hang the
 * machine (64 GiB, or 200,000 passes) before the passphrase could even be checked.
 */
export const KDF_BOUNDS = {
  memoryKiB: { min: TEST_KDF.memoryKiB, max: 2 * 1024 * 1024 },
  iterations: { min: 1, max: 16 },
  parallelism: { min: 1, max: 16 },
} as const;

/** Why `params` are out of bounds, or null when unlock may use them. */
export function kdfOutOfBounds(params: Omit<KdfParams, 'salt' | 'algorithm'>): string | null {
  for (const name of ['memoryKiB', 'iterations', 'parallelism'] as const) {
    const { min, max } = KDF_BOUNDS[name];
    const value = params[name];
    if (value < min || value > max)
      return `its Argon2id ${name} is ${value}, outside the accepted ${min}–${max}`;
  }
  return null;
}

const ARGON2ID = 2; // @node-rs/argon2's Algorithm.Argon2id (a const enum, not importable here)

export async function deriveKek(passphrase: string, params: KdfParams): Promise<SecretKey> {
  const raw = await hashRaw(passphrase.normalize('NFC'), {
    algorithm: ARGON2ID,
    memoryCost: params.memoryKiB,
    timeCost: params.iterations,
    parallelism: params.parallelism,
    outputLen: 32,
    salt: Buffer.from(params.salt, 'base64'),
  });
  return SecretKey.adopt(raw);
}
