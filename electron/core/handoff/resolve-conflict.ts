// Deciding a merge conflict (import-bundle.ts, merge-fields.ts): keep this side's value, or take
// the colleague's. Either way the conflict goes and a case.conflict-resolved entry says what was
// kept, so a decision is as visible in the log as the merge that raised it.
import type { UnlockedVault } from '../vault/vault.ts';
import { NotFoundError } from '../errors.ts';
import { record } from '../custody/custody-log.ts';
import { assertCaseOpen } from '../cases/case.service.ts';
import { updateCaseRow } from '../cases/case.queries.ts';
import { categoryByCode, setItemCategory } from '../triage/triage.queries.ts';
import type { Case } from '../../../shared/domain/case.ts';
import { deleteConflict, selectConflict, type ConflictRow } from './handoff.queries.ts';
import { MERGED_CASE_FIELDS, type MergedCaseField } from './merge-fields.ts';

export type Keep = 'mine' | 'theirs';

function takeTheirs(vault: UnlockedVault, c: ConflictRow, current: Case, at: string): void {
  const db = vault.db;
  if (c.field === 'category' && c.itemId) {
    const category = typeof c.theirs === 'string' ? categoryByCode(db, c.theirs) : undefined;
    setItemCategory(db, c.itemId, category?.id ?? null, at);
  } else if (c.field.startsWith('label:') && c.itemId) {
    db.prepare(
      'DELETE FROM item_categories WHERE item_id = ? AND category_id IN (SELECT id FROM categories WHERE scheme = ?)',
    ).run(c.itemId, c.field.slice('label:'.length));
    if (typeof c.theirs === 'string')
      db.prepare(
        'INSERT INTO item_categories (item_id, category_id, assigned_at) VALUES (?, ?, ?)',
      ).run(c.itemId, c.theirs, at);
  } else if ((MERGED_CASE_FIELDS as readonly string[]).includes(c.field)) {
    updateCaseRow(db, { ...current, [c.field as MergedCaseField]: c.theirs, updatedAt: at });
  }
}

export function resolveConflict(
  vault: UnlockedVault,
  caseId: string,
  conflictId: number,
  keep: Keep,
): void {
  const current = assertCaseOpen(vault, caseId);
  const c = selectConflict(vault.db, conflictId);
  if (!c || c.caseId !== caseId) throw new NotFoundError('conflict', String(conflictId));
  const at = new Date().toISOString();
  vault.db.transaction(() => {
    if (keep === 'theirs') takeTheirs(vault, c, current, at);
    deleteConflict(vault.db, c.id);
    record(vault, {
      action: 'case.conflict-resolved',
      caseId,
      itemId: c.itemId,
      details: {
        conflict: c.id,
        field: c.field,
        kept: keep,
        ours: c.ours,
        theirs: c.theirs,
        colleague: c.colleague,
      },
    });
  })();
}
