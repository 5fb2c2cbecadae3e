// The workstation's age X25519 identity: 32 random bytes wrapped by the master key in the settings
// table, beside the signing key. Colleagues encrypt handoff bundles to its recipient (age1…), so the
// standard `age` tool opens them with the identity string. Encoding: age-encryption.org/v1 (Bech32).
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { bech32 } from '@scure/base';
import type { UnlockedVault } from '../vault/vault.ts';
import { SecretKey } from '../crypto/secret-key.ts';

const SETTING = 'age_identity';
const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
// Bech32's 90-character limit is too short for nothing here, but age lifts it for plugins.
const BECH32_LIMIT = 1023;

/** The age recipient (age1…) of an X25519 scalar. */
function recipientOf(scalar: SecretKey): string {
  const der = Buffer.concat([PKCS8_X25519_PREFIX, scalar.use()]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  der.fill(0);
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const pub = spki.subarray(SPKI_X25519_PREFIX.length);
  return bech32.encode('age', bech32.toWords(pub), BECH32_LIMIT);
}

/** The raw 32-byte X25519 public key inside an age recipient, or null if it is not one. */
export function recipientKeyBytes(recipient: string): Buffer | null {
  try {
    const { prefix, words } = bech32.decode(recipient as `${string}1${string}`, BECH32_LIMIT);
    const bytes = Buffer.from(bech32.fromWords(words));
    return prefix === 'age' && bytes.length === 32 && recipient === recipient.toLowerCase()
      ? bytes
      : null;
  } catch {
    return null;
  }
}

function unwrapOrCreate(vault: UnlockedVault): SecretKey {
  const row = vault.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTING) as
    string | undefined;
  if (row) {
    const stored = JSON.parse(row) as { wrappedKey: string };
    return vault.unwrapSecret('age', Buffer.from(stored.wrappedKey, 'base64'));
  }
  const scalar = SecretKey.random();
  const wrappedKey = vault.wrapSecret('age', scalar).toString('base64');
  vault.db
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
    .run(SETTING, JSON.stringify({ wrappedKey }));
  return scalar;
}

/** The workstation's age recipient; creates the identity on first use. */
export function ageRecipient(vault: UnlockedVault): string {
  const scalar = unwrapOrCreate(vault);
  try {
    return recipientOf(scalar);
  } finally {
    scalar.wipe();
  }
}

/**
 * The identity string (AGE-SECRET-KEY-1…) for the one moment a bundle is decrypted. A JS string
 * cannot be wiped, so it is made only when needed and never stored, logged or returned over IPC.
 */
export function withAgeIdentity<T>(vault: UnlockedVault, use: (identity: string) => T): T {
  const scalar = unwrapOrCreate(vault);
  try {
    const identity = bech32
      .encode('AGE-SECRET-KEY-', bech32.toWords(scalar.use()), BECH32_LIMIT)
      .toUpperCase();
    return use(identity);
  } finally {
    scalar.wipe();
  }
}
