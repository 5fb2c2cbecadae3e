// `custody vault check` and the vault:check channel: the database's own integrity check (with the
// SQLCipher scheme every page carries an HMAC, so a flipped bit in any page fails it) and every
// blob read through and authenticated, each damaged one named by item, case and file name.
import type { UnlockedVault } from './vault.ts';
import { unlockVault, vaultPresence } from './vault.ts';
import { NoVaultError } from '../errors.ts';
import { acquireVaultLock } from './vault-lock.ts';
import { countFailedUnlock } from './failed-unlocks.ts';
import type { VaultCheck } from '../../../shared/domain/vault.ts';

export type { VaultCheck };
type DamagedBlob = VaultCheck['blobs']['damaged'][number];

interface BlobOwner {
  id: string;
  case_id: string;
  item_id: string | null;
  file_name: string | null;
}

export async function checkVault(vault: UnlockedVault): Promise<VaultCheck> {
  const database = checkDatabase(vault);
  const blobs = await checkBlobs(vault);
  return { healthy: database.healthy && blobs.damaged.length === 0, database, blobs };
}

/**
 * Checks the vault in `dir` without changing anything, the custody log included: a damaged
 * database may not take the unlock entry. A shared lock keeps writers out meanwhile.
 */
export async function checkVaultAt(
  dir: string,
  passphrase: string,
  surface: string,
): Promise<VaultCheck> {
  if ((await vaultPresence(dir)) === 'absent') throw new NoVaultError(dir);
  const lock = await acquireVaultLock(dir, { access: 'read', surface });
  try {
    let vault: UnlockedVault;
    try {
      vault = await unlockVault(dir, passphrase);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'WRONG_PASSPHRASE') await countFailedUnlock(dir);
      // A page the unlock itself reads is damaged: that is the check's answer, not its failure.
      // The blobs' keys are in the database, so they cannot be checked until it is repaired.
      if (code === 'VAULT_DAMAGED') return databaseUnreadable((e as Error).message);
      throw e;
    }
    try {
      return await checkVault(vault);
    } finally {
      vault.lock();
    }
  } finally {
    lock.release();
  }
}

function databaseUnreadable(problem: string): VaultCheck {
  return {
    healthy: false,
    database: { healthy: false, problems: [problem] },
    blobs: { checked: 0, damaged: [] },
  };
}

function checkDatabase(vault: UnlockedVault): VaultCheck['database'] {
  try {
    const rows = vault.db.pragma('integrity_check', { simple: false }) as {
      integrity_check: string;
    }[];
    const problems = rows.map((r) => r.integrity_check).filter((p) => p !== 'ok');
    return { healthy: problems.length === 0, problems };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return {
      healthy: false,
      problems: [
        `integrity_check: ${(e as Error).message}${typeof code === 'string' ? ` (${code})` : ''}`,
      ],
    };
  }
}

async function checkBlobs(vault: UnlockedVault): Promise<VaultCheck['blobs']> {
  let owners: BlobOwner[];
  try {
    owners = blobOwners(vault);
  } catch {
    // The database's own problems are reported above; without rows no blob can be named.
    return { checked: 0, damaged: [] };
  }
  const damaged: DamagedBlob[] = [];
  for (const o of owners) {
    const reason = await blobProblem(vault, o);
    if (reason)
      damaged.push({
        blobId: o.id,
        itemId: o.item_id,
        caseId: o.case_id,
        fileName: o.file_name,
        reason,
      });
  }
  return { checked: owners.length, damaged };
}

/** Every blob row with the item it belongs to, as an original or as a preview. */
function blobOwners(vault: UnlockedVault): BlobOwner[] {
  return vault.db
    .prepare(
      `SELECT b.id, b.case_id, COALESCE(i.id, p.item_id) AS item_id,
              COALESCE(i.original_name, pi.original_name) AS file_name
         FROM blobs b
         LEFT JOIN items i ON i.original_blob = b.id
         LEFT JOIN previews p ON p.blob_id = b.id
         LEFT JOIN items pi ON pi.id = p.item_id
        GROUP BY b.id ORDER BY b.case_id, b.id`,
    )
    .all() as BlobOwner[];
}

/** Reads the blob through, authenticating every chunk; the reason it fails, or null. */
async function blobProblem(vault: UnlockedVault, o: BlobOwner): Promise<string | null> {
  try {
    const key = vault.caseKey(o.case_id);
    for await (const chunk of vault.blobs.createReadStream(key, o.id)) void chunk;
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
