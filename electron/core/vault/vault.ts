// The vault folder: vault.json (plaintext header), custody.db (encrypted), blobs/ (encrypted files).
// Key hierarchy: passphrase → KEK (Argon2id) → master key → { database key, one key per case }.
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { CustodyError, VaultExistsError, WrongPassphraseError } from '../errors.ts';
import { SecretKey, wrapKey, unwrapKey } from '../crypto/secret-key.ts';
import { openDatabase, DB_FILE, type Db } from '../store/db.ts';
import { BlobStore } from '../blobs/index.ts';
import { deriveKek, newKdfParams } from './kdf.ts';
import { blobRowIds } from '../blobs/blob.queries.ts';
import { ensurePrivateDir } from './private-files.ts';
import { readHeader, writeHeader, headerExists, type VaultHeader } from './header.ts';

const masterAad = (vaultId: string) => `custody/master/v1:${vaultId}`;
const dbAad = (vaultId: string) => `custody/db/v1:${vaultId}`;
const caseAad = (vaultId: string, caseId: string) => `custody/case/v1:${vaultId}:${caseId}`;

export type VaultPresence = 'absent' | 'present';

export async function vaultPresence(dir: string): Promise<VaultPresence> {
  return (await headerExists(dir)) ? 'present' : 'absent';
}

/** Who acts, as every custody entry records it: the reviewer's name and workstation fingerprint. */
export interface ReviewerStamp {
  reviewer: string;
  workstation: string;
}

/** An unlocked vault: the only holder of keys. `lock()` wipes every key and closes the database. */
export class UnlockedVault {
  readonly dir: string;
  readonly vaultId: string;
  readonly db: Db;
  readonly blobs: BlobStore;
  /** Who acts, for the custody log: the surface and the OS user, e.g. "app:alice". */
  actor = 'unknown';
  /** Set once the workstation identity is read at unlock; null for a vault made before it. */
  reviewer: ReviewerStamp | null = null;
  #master: SecretKey;
  #caseKeys = new Map<string, SecretKey>();
  #locked = false;

  constructor(dir: string, vaultId: string, master: SecretKey, db: Db) {
    this.dir = dir;
    this.vaultId = vaultId;
    this.#master = master;
    this.db = db;
    this.blobs = new BlobStore(join(dir, 'blobs'));
  }

  get locked(): boolean {
    return this.#locked;
  }

  /** A fresh random key for a new case, and its wrapped form for the cases row. */
  newCaseKey(caseId: string): { key: SecretKey; wrapped: Buffer } {
    const key = SecretKey.random();
    const wrapped = wrapKey(this.#master, key, caseAad(this.vaultId, caseId));
    this.#caseKeys.set(caseId, key);
    return { key, wrapped };
  }

  /** The case's key, unwrapped from its row once and cached until lock or destroy. */
  caseKey(caseId: string): SecretKey {
    const cached = this.#caseKeys.get(caseId);
    if (cached) return cached;
    const row = this.db.prepare('SELECT wrapped_key FROM cases WHERE id = ?').get(caseId) as
      { wrapped_key: Buffer } | undefined;
    if (!row) throw new CustodyError('NOT_FOUND', `No case with id ${caseId}.`);
    const key = unwrapKey(this.#master, row.wrapped_key, caseAad(this.vaultId, caseId));
    if (!key) throw new CustodyError('VAULT_CORRUPT', `The key of case ${caseId} does not unwrap.`);
    this.#caseKeys.set(caseId, key);
    return key;
  }

  /** Wraps a vault-wide secret (the signing key) under the master key, bound to `label`. */
  wrapSecret(label: string, key: SecretKey): Buffer {
    return wrapKey(this.#master, key, `custody/${label}/v1:${this.vaultId}`);
  }

  unwrapSecret(label: string, wrapped: Buffer): SecretKey {
    const key = unwrapKey(this.#master, wrapped, `custody/${label}/v1:${this.vaultId}`);
    if (!key) throw new CustodyError('VAULT_CORRUPT', `The ${label} key does not unwrap.`);
    return key;
  }

  forgetCaseKey(caseId: string): void {
    this.#caseKeys.get(caseId)?.wipe();
    this.#caseKeys.delete(caseId);
  }

  lock(): void {
    if (this.#locked) return;
    this.#locked = true;
    for (const key of this.#caseKeys.values()) key.wipe();
    this.#caseKeys.clear();
    this.#master.wipe();
    if (this.db.open) this.db.close();
  }
}

export async function createVault(dir: string, passphrase: string): Promise<UnlockedVault> {
  if (passphrase.length === 0) throw new CustodyError('INVALID_INPUT', 'The passphrase is empty.');
  if (await headerExists(dir)) throw new VaultExistsError(dir);
  ensurePrivateDir(dir);
  ensurePrivateDir(join(dir, 'blobs'));
  const vaultId = randomBytes(16).toString('hex');
  const kdf = newKdfParams();
  const kek = await deriveKek(passphrase, kdf);
  const master = SecretKey.random();
  const dbKey = SecretKey.random();
  const header: VaultHeader = {
    format: 'custody-vault',
    version: 1,
    vaultId,
    kdf,
    wrappedMasterKey: wrapKey(kek, master, masterAad(vaultId)).toString('base64'),
    wrappedDbKey: wrapKey(master, dbKey, dbAad(vaultId)).toString('base64'),
  };
  kek.wipe();
  // The database comes first: a crash before the header is written leaves no vault, not a broken one.
  const db = openDatabase(join(dir, DB_FILE), dbKey, { create: true });
  dbKey.wipe();
  await writeHeader(dir, header);
  return new UnlockedVault(dir, vaultId, master, db);
}

async function unwrapMaster(header: VaultHeader, passphrase: string): Promise<SecretKey> {
  const kek = await deriveKek(passphrase, header.kdf);
  try {
    const master = unwrapKey(
      kek,
      Buffer.from(header.wrappedMasterKey, 'base64'),
      masterAad(header.vaultId),
    );
    if (!master) throw new WrongPassphraseError();
    return master;
  } finally {
    kek.wipe();
  }
}

export interface UnlockOptions {
  /**
   * Set only by the holder of the vault's write lock: sweeps leftovers older than this moment
   * (when the lock was granted), so nothing another process is writing can be taken for one.
   */
  sweepBefore?: Date;
}

export async function unlockVault(
  dir: string,
  passphrase: string,
  options: UnlockOptions = {},
): Promise<UnlockedVault> {
  const header = await readHeader(dir);
  const master = await unwrapMaster(header, passphrase);
  const dbKey = unwrapKey(
    master,
    Buffer.from(header.wrappedDbKey, 'base64'),
    dbAad(header.vaultId),
  );
  if (!dbKey) {
    master.wipe();
    throw new CustodyError('VAULT_CORRUPT', 'The database key does not unwrap.');
  }
  let db: Db;
  try {
    db = openDatabase(join(dir, DB_FILE), dbKey);
  } catch (e) {
    master.wipe();
    throw e;
  } finally {
    dbKey.wipe();
  }
  const vault = new UnlockedVault(dir, header.vaultId, master, db);
  if (options.sweepBefore) {
    const before = options.sweepBefore.getTime();
    await vault.blobs.sweepTemp(before);
    await sweepOrphanBlobs(vault, before);
  }
  return vault;
}

/** Re-wraps the master key under a new KEK. No other file changes: blobs and database stay as they are. */
export async function changePassphrase(
  dir: string,
  oldPassphrase: string,
  newPassphrase: string,
): Promise<void> {
  if (newPassphrase.length === 0)
    throw new CustodyError('INVALID_INPUT', 'The new passphrase is empty.');
  const header = await readHeader(dir);
  const master = await unwrapMaster(header, oldPassphrase);
  try {
    const kdf = newKdfParams();
    const kek = await deriveKek(newPassphrase, kdf);
    const wrappedMasterKey = wrapKey(kek, master, masterAad(header.vaultId)).toString('base64');
    kek.wipe();
    await writeHeader(dir, { ...header, kdf, wrappedMasterKey });
  } finally {
    master.wipe();
  }
}

/**
 * Blob files that no row names: a crash between a blob's rename and its row's commit, or a destroy
 * interrupted after its transaction. Unreadable either way (no row, or no key); removed at unlock
 * if last written before `before` (a younger one may be an ingest's, its row not yet committed).
 */
async function sweepOrphanBlobs(vault: UnlockedVault, before: number): Promise<number> {
  const known = blobRowIds(vault.db);
  let removed = 0;
  for await (const id of vault.blobs.ids()) {
    if (!known.has(id) && (await vault.blobs.lastWritten(id)) < before) {
      await vault.blobs.remove(id);
      removed++;
    }
  }
  return removed;
}
