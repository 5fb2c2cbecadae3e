// The vault's only plaintext file: KDF parameters, salt and wrapped keys. Format in docs/formats/vault.md.
import { readFile, rename, open } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CustodyError, NoVaultError } from '../errors.ts';
import { kdfOutOfBounds } from './kdf.ts';

export const HEADER_FILE = 'vault.json';
export const VAULT_FORMAT_VERSION = 1;

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

export const vaultHeaderSchema = z.object({
  format: z.literal('custody-vault'),
  version: z.literal(VAULT_FORMAT_VERSION),
  vaultId: z.string().min(8),
  kdf: z.object({
    algorithm: z.literal('argon2id'),
    memoryKiB: z.number().int().min(1024),
    iterations: z.number().int().min(1),
    parallelism: z.number().int().min(1).max(16),
    salt: b64,
  }),
  /** Master key wrapped by the passphrase KEK (AES-256-GCM, aad "custody/master/v1:<vaultId>"). */
  wrappedMasterKey: b64,
  /** Database key wrapped by the master key (aad "custody/db/v1:<vaultId>"). */
  wrappedDbKey: b64,
});
export type VaultHeader = z.infer<typeof vaultHeaderSchema>;

export async function readHeader(dir: string): Promise<VaultHeader> {
  let text: string;
  try {
    text = await readFile(join(dir, HEADER_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new NoVaultError(dir);
    }
    throw e;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CustodyError('VAULT_CORRUPT', `${HEADER_FILE} is not valid JSON.`);
  }
  const parsed = vaultHeaderSchema.safeParse(json);
  if (!parsed.success) {
    throw new CustodyError('VAULT_CORRUPT', `${HEADER_FILE} is not a Custody vault header.`);
  }
  // Checked before any key derivation: out-of-bounds parameters would hang unlock.
  const outOfBounds = kdfOutOfBounds(parsed.data.kdf);
  if (outOfBounds) {
    throw new CustodyError(
      'VAULT_CORRUPT',
      `${join(dir, HEADER_FILE)} is refused: ${outOfBounds}. It was damaged or tampered with.`,
    );
  }
  return parsed.data;
}

/** Atomic replace: temp file, fsync, rename. A crash leaves the old or the new header, never half. */
export async function writeHeader(dir: string, header: VaultHeader): Promise<void> {
  const tmp = join(dir, `${HEADER_FILE}.tmp`);
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(JSON.stringify(header, null, 2) + '\n');
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, join(dir, HEADER_FILE));
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

export async function headerExists(dir: string): Promise<boolean> {
  try {
    await readFile(join(dir, HEADER_FILE));
    return true;
  } catch {
    return false;
  }
}
