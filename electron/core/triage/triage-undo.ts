// Undo of triage: the item's last category, severity or tag change not yet undone is reverted by a
// new custody entry of the same action, marked `undoes: <seq>`; nothing is deleted from the log.
// Notes are append-only and never undone. Undoing again steps further back.
import type { UnlockedVault } from '../vault/vault.ts';
import type { CustodyEntry } from '../custody/entry.ts';
import { entriesFor, record } from '../custody/custody-log.ts';
import { assertCaseOpen } from '../cases/case.service.ts';
import { touchCase } from '../cases/case.queries.ts';
import { itemCaseId } from '../items/item.queries.ts';
import { NotFoundError } from '../errors.ts';
import type { TriageUndo, TriageUndone } from '../../../shared/domain/triage.ts';
import {
  addTag,
  categoryByCode,
  itemCategoryCode,
  itemSeverity,
  itemTags,
  removeTag,
  setItemCategory,
  setItemSeverity,
} from './triage.queries.ts';

type Field = TriageUndone['field'];

/** Which triage field an entry changed, or null (notes, reveals, ingest...). */
function fieldOf(e: CustodyEntry): Field | null {
  if (e.action === 'item.categorised') {
    if ('category' in e.details) return 'category';
    if ('severity' in e.details) return 'severity';
  }
  if (e.action === 'item.annotated' && ('tagAdded' in e.details || 'tagRemoved' in e.details)) {
    return 'tag';
  }
  return null;
}

/** The newest change not undone; undo entries themselves are not undone again. */
function lastUndoable(entries: readonly CustodyEntry[]): CustodyEntry | null {
  const undone = new Set<number>();
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (!e || fieldOf(e) === null) continue;
    const undoes = e.details['undoes'];
    if (typeof undoes === 'number') undone.add(undoes);
    else if (!undone.has(e.seq)) return e;
  }
  return null;
}

/** The severity as the last entry before `seq` left it (older entries do not say what they replaced). */
function severityBefore(entries: readonly CustodyEntry[], seq: number): number | null {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e && e.seq < seq && fieldOf(e) === 'severity') {
      const value = e.details['severity'];
      return typeof value === 'number' ? value : null;
    }
  }
  return null;
}

export function undoLastTriage(vault: UnlockedVault, itemId: string): TriageUndo {
  const caseId = itemCaseId(vault.db, itemId);
  if (!caseId) throw new NotFoundError('item', itemId);
  assertCaseOpen(vault, caseId);
  const undone = vault.db.transaction((): TriageUndone | null => {
    const entries = entriesFor(vault.db, { itemId });
    const target = lastUndoable(entries);
    if (!target) return null;
    const field = fieldOf(target);
    const undoes = target.seq;
    touchCase(vault.db, caseId);
    if (field === 'tag') {
      const restored = 'tagRemoved' in target.details;
      const named = target.details[restored ? 'tagRemoved' : 'tagAdded'];
      const tag = typeof named === 'string' ? named : '';
      if (restored) addTag(vault.db, caseId, itemId, tag);
      else removeTag(vault.db, caseId, itemId, tag);
      const change = restored ? { tagAdded: tag } : { tagRemoved: tag };
      record(vault, { action: 'item.annotated', caseId, itemId, details: { ...change, undoes } });
      return { field, entry: undoes, tag, restored };
    }
    if (field === 'severity') {
      const restored = severityBefore(entries, undoes);
      const previous = itemSeverity(vault.db, itemId);
      setItemSeverity(vault.db, itemId, restored);
      record(vault, {
        action: 'item.categorised',
        caseId,
        itemId,
        details: { severity: restored, previous, undoes },
      });
      return { field, entry: undoes, restored };
    }
    const code = target.details['previous'];
    // A category since taken out of the scheme cannot come back: the item is left uncategorised.
    const category = typeof code === 'string' ? (categoryByCode(vault.db, code) ?? null) : null;
    const previous = itemCategoryCode(vault.db, itemId);
    setItemCategory(vault.db, itemId, category?.id ?? null, new Date().toISOString());
    record(vault, {
      action: 'item.categorised',
      caseId,
      itemId,
      details: { category: category?.code ?? null, previous, undoes },
    });
    return { field: 'category', entry: undoes, restored: category?.code ?? null };
  })();
  return {
    itemId,
    category: itemCategoryCode(vault.db, itemId),
    severity: itemSeverity(vault.db, itemId),
    tags: itemTags(vault.db, itemId),
    undone,
  };
}
