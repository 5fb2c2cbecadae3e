// The workstation's Ed25519 key: created with the vault, its 32-byte seed wrapped by the master key
// in the settings table. It signs custody checkpoints and packet manifests.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import type { UnlockedVault } from '../vault/vault.ts';
import { SecretKey } from '../crypto/secret-key.ts';

const SETTING = 'signing_key';
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface WorkstationKey {
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Buffer;
  /** SHA-256 of the raw public key, hex: what a recipient pins (`custody verify --key`). */
  fingerprint: string;
  sign: (message: Uint8Array) => Buffer;
}

export const keyFingerprint = (publicKey: Uint8Array) =>
  createHash('sha256').update(publicKey).digest('hex');

export function publicKeyObject(raw: Uint8Array): KeyObject {
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, raw]),
    format: 'der',
    type: 'spki',
  });
}

function fromSeed(seed: SecretKey): { privateKey: KeyObject; publicKey: Buffer } {
  const der = Buffer.concat([PKCS8_ED25519_PREFIX, seed.use()]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  der.fill(0);
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { privateKey, publicKey: Buffer.from(spki.subarray(SPKI_ED25519_PREFIX.length)) };
}

/** Creates the key on first use (a new vault), and afterwards unwraps it. */
export function workstationKey(vault: UnlockedVault): WorkstationKey {
  const row = vault.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTING) as
    string | undefined;
  let seed: SecretKey;
  if (row) {
    const stored = JSON.parse(row) as { wrappedSeed: string };
    seed = vault.unwrapSecret('signing', Buffer.from(stored.wrappedSeed, 'base64'));
  } else {
    const { privateKey } = generateKeyPairSync('ed25519');
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    seed = SecretKey.adopt(Buffer.from(der.subarray(PKCS8_ED25519_PREFIX.length)));
    der.fill(0);
    const wrappedSeed = vault.wrapSecret('signing', seed).toString('base64');
    vault.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
      .run(SETTING, JSON.stringify({ wrappedSeed }));
  }
  const { privateKey, publicKey } = fromSeed(seed);
  seed.wipe();
  return {
    publicKey,
    fingerprint: keyFingerprint(publicKey),
    sign: (message) => sign(null, message, privateKey),
  };
}
