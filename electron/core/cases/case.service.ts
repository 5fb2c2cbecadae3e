import { randomBytes } from 'node:crypto';
import { CaseClosedError, NotFoundError } from '../errors.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import {
  caseFieldsSchema,
  type Case,
  type CaseFields,
  type CaseUpdate,
} from '../../../shared/domain/case.ts';
import { newId } from '../../../shared/domain/ids.ts';
import { record } from '../custody/custody-log.ts';
import {
  insertCase,
  selectCase,
  selectCases,
  updateCaseRow,
  caseBlobIds,
  deleteCaseRows,
} from './case.queries.ts';
import { assertNotHandedOver } from '../handoff/handoff-guard.ts';

const now = () => new Date().toISOString();

export function listCases(vault: UnlockedVault): Case[] {
  return selectCases(vault.db);
}

export function getCase(vault: UnlockedVault, id: string): Case {
  const c = selectCase(vault.db, id);
  if (!c) throw new NotFoundError('case', id);
  return c;
}

export function createCase(vault: UnlockedVault, fields: CaseFields): Case {
  const f = caseFieldsSchema.parse(fields);
  const id = newId('c', randomBytes);
  const at = now();
  const { wrapped } = vault.newCaseKey(id);
  vault.db.transaction(() => {
    insertCase(vault.db, { id, ...f, createdAt: at, updatedAt: at }, wrapped);
    record(vault, {
      action: 'case.created',
      caseId: id,
      details: { kind: f.kind, emergency: f.emergency },
    });
  })();
  return getCase(vault, id);
}

export function updateCase(vault: UnlockedVault, update: CaseUpdate): Case {
  const current = writableCase(vault, update.id);
  const next: Case = { ...current, updatedAt: now() };
  if (update.title !== undefined) next.title = update.title;
  if (update.kind !== undefined) next.kind = update.kind;
  if (update.emergency !== undefined) next.emergency = update.emergency;
  if (update.languages !== undefined) next.languages = update.languages;
  if (update.externalRefs !== undefined) next.externalRefs = update.externalRefs;
  if (update.notes !== undefined) next.notes = update.notes;
  if (update.reportedAccounts !== undefined) next.reportedAccounts = update.reportedAccounts;
  if (update.incidents !== undefined) next.incidents = update.incidents;
  if (update.incidentAt !== undefined) next.incidentAt = update.incidentAt;
  const fields = Object.keys(update).filter((k) => k !== 'id');
  vault.db.transaction(() => {
    updateCaseRow(vault.db, next);
    record(vault, { action: 'case.updated', caseId: update.id, details: { fields } });
  })();
  return getCase(vault, update.id);
}

export function closeCase(vault: UnlockedVault, id: string): Case {
  const current = writableCase(vault, id);
  if (current.status === 'closed') return current;
  const at = now();
  vault.db.transaction(() => {
    updateCaseRow(vault.db, { ...current, status: 'closed', closedAt: at, updatedAt: at });
    record(vault, { action: 'case.closed', caseId: id });
  })();
  return getCase(vault, id);
}

export function reopenCase(vault: UnlockedVault, id: string): Case {
  const current = writableCase(vault, id);
  vault.db.transaction(() => {
    updateCaseRow(vault.db, { ...current, status: 'open', closedAt: null, updatedAt: now() });
    record(vault, { action: 'case.reopened', caseId: id });
  })();
  return getCase(vault, id);
}

/** The case, unless it is with a colleague (read-only here until it comes back). */
export function writableCase(vault: UnlockedVault, id: string): Case {
  const c = getCase(vault, id);
  assertNotHandedOver(vault.db, id);
  return c;
}

export function assertCaseOpen(vault: UnlockedVault, id: string): Case {
  const c = writableCase(vault, id);
  if (c.status === 'closed') throw new CaseClosedError(id);
  return c;
}

/**
 * Crypto-shredding. The one transaction that deletes the case row (its wrapped key) and every row of
 * it is the point of no return: after it commits, the case's blobs cannot be decrypted by anyone.
 * secure_delete overwrites freed pages; the checkpoint and VACUUM leave no copy in the WAL or free list.
 * Blob files are removed after; any a crash leaves behind are unreadable orphans swept on next unlock.
 */
export async function destroyCase(
  vault: UnlockedVault,
  id: string,
): Promise<{ blobsRemoved: number }> {
  const c = writableCase(vault, id);
  const blobIds = caseBlobIds(vault.db, id);
  vault.db.transaction(() => {
    deleteCaseRows(vault.db, id);
    // The record that it happened outlives the case; it holds ids and counts, not the title.
    record(vault, {
      action: 'case.destroyed',
      caseId: id,
      details: { items: c.itemCount, blobs: blobIds.length },
    });
  })();
  vault.forgetCaseKey(id);
  vault.db.pragma('wal_checkpoint(TRUNCATE)');
  vault.db.exec('VACUUM');
  vault.db.pragma('wal_checkpoint(TRUNCATE)');
  for (const blobId of blobIds) await vault.blobs.remove(blobId);
  return { blobsRemoved: blobIds.length };
}

/** `core.cases`: the case routes, each on the unlocked vault (VAULT_LOCKED otherwise). */
export class CaseService {
  readonly #vault: () => UnlockedVault;
  readonly #beforeDestroy: (caseId: string) => Promise<void>;
  /** `beforeDestroy` ends background work on the case's items (a running frame pass). */
  constructor(
    vault: () => UnlockedVault,
    beforeDestroy: (caseId: string) => Promise<void> = () => Promise.resolve(),
  ) {
    this.#vault = vault;
    this.#beforeDestroy = beforeDestroy;
  }
  list = (): Case[] => listCases(this.#vault());
  get = (id: string): Case => getCase(this.#vault(), id);
  create = (fields: CaseFields): Case => createCase(this.#vault(), fields);
  update = (update: CaseUpdate): Case => updateCase(this.#vault(), update);
  close = (id: string): Case => closeCase(this.#vault(), id);
  reopen = (id: string): Case => reopenCase(this.#vault(), id);
  destroy = async (id: string): Promise<{ destroyed: true }> => {
    await this.#beforeDestroy(id);
    await destroyCase(this.#vault(), id);
    return { destroyed: true };
  };
}
