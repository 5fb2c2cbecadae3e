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
 * Selected by CUSTODY_TEST_WEAK_KDF=1; the header records it, so such a vault is visibly weak.
 */
export const TEST_KDF = { memoryKiB: 8 * 1024, iterations: 1, parallelism: 1 } as const;

export function newKdfParams(): KdfParams {
  const profile = process.env['CUSTODY_TEST_WEAK_KDF'] === '1' ? TEST_KDF : DEFAULT_KDF;
  return { algorithm: 'argon2id', ...profile, salt: randomBytes(16).toString('base64') };
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
