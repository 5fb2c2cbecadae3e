// The case database: SQLite encrypted as a whole file (SQLCipher scheme of better-sqlite3-multiple-ciphers),
// keyed with the raw 256-bit database key, so no passphrase KDF runs twice.
import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { DATABASE, storageError, VaultDamagedError } from '../errors.ts';
import type { SecretKey } from '../crypto/secret-key.ts';
import { migrate } from './migrate.ts';
import { ensurePrivateFile, makePrivateIfPresent } from '../vault/private-files.ts';

export type { Db };
export const DB_FILE = 'custody.db';

/** `x'<hex>'` built byte by byte, so the key never exists as an immutable JS string. */
function rawKeyLiteral(key: SecretKey): Buffer {
  const bytes = key.use();
  const out = Buffer.alloc(3 + bytes.length * 2);
  const hex = '0123456789abcdef';
  out[0] = 0x78; // x
  out[1] = 0x27; // '
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    out[2 + i * 2] = hex.charCodeAt(b >> 4);
    out[3 + i * 2] = hex.charCodeAt(b & 15);
  }
  out[out.length - 1] = 0x27;
  return out;
}

/**
 * How long a statement waits for another connection's write (readers of one vault write their
 * unlock and lock entries side by side) before SQLITE_BUSY. Set explicitly, not left to a default.
 */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the vault's database; `create` only when the vault is being made. An unlock never makes
 * one: in a vault whose custody.db is gone or emptied, a fresh database would hold no case keys,
 * and the unlock's sweep would take every evidence blob for an orphan and remove it.
 */
export function openDatabase(path: string, key: SecretKey, { create = false } = {}): Db {
  if (!create && !existsSync(path)) throw new VaultDamagedError(DATABASE, 'it is missing');
  ensurePrivateFile(path);
  makePrivateIfPresent(`${path}-wal`, `${path}-shm`);
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    const literal = rawKeyLiteral(key);
    try {
      db.key(literal);
    } finally {
      literal.fill(0);
    }
    let tables: number;
    try {
      tables = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
    } catch (e) {
      // The key unwrapped (its tag checked), so a first page that does not decrypt is damage.
      throw storageError(e) ?? e;
    }
    if (!create && tables === 0) throw new VaultDamagedError(DATABASE, 'it is empty');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Deleted rows (a destroyed case's wrapped key) are overwritten, not left in free pages.
    db.pragma('secure_delete = ON');
    // Keep temporary tables and sort spills in memory, never in the OS temp folder.
    db.pragma('temp_store = MEMORY');
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
