// Triage: category, severity, tags and notes. Each change lands with its custody entry in one
// transaction; a value set again unchanged is not logged. Notes are append-only: a correction is a
// new note, as in a paper case file. Undo: triage-undo.ts.
import { assertCaseOpen } from '../cases/case.service.ts';
import { assertNotHandedOver } from '../handoff/handoff-guard.ts';
import { randomUUID } from 'node:crypto';
import type { UnlockedVault } from '../vault/vault.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { record } from '../custody/custody-log.ts';
import { itemCaseId } from '../items/item.queries.ts';
import { touchCase } from '../cases/case.queries.ts';
import type { Category, Note, TriageUndo } from '../../../shared/domain/triage.ts';
import { undoLastTriage } from './triage-undo.ts';
import {
  selectCategories,
  categoryByCode,
  setItemCategory,
  itemCategoryCode,
  setItemSeverity,
  itemSeverity,
  addTag,
  removeTag,
  insertNote,
} from './triage.queries.ts';

export const listCategories = (vault: UnlockedVault): Category[] => selectCategories(vault.db);

function caseOf(vault: UnlockedVault, itemId: string): string {
  const caseId = itemCaseId(vault.db, itemId);
  if (!caseId) throw new NotFoundError('item', itemId);
  return caseId;
}

/** A closed case's triage is settled: changing it means reopening the case, which is logged. */
function openCaseOf(vault: UnlockedVault, itemId: string): string {
  const caseId = caseOf(vault, itemId);
  assertCaseOpen(vault, caseId);
  return caseId;
}

export function categorise(
  vault: UnlockedVault,
  itemIds: readonly string[],
  code: string | null,
): number {
  const category = code === null ? null : categoryByCode(vault.db, code);
  if (category === undefined) throw new InvalidInputError(`No category "${code}" in the scheme.`);
  const at = new Date().toISOString();
  vault.db.transaction(() => {
    for (const itemId of itemIds) {
      const caseId = openCaseOf(vault, itemId);
      const previous = itemCategoryCode(vault.db, itemId);
      if (previous === (category?.code ?? null)) continue;
      setItemCategory(vault.db, itemId, category?.id ?? null, at);
      touchCase(vault.db, caseId, at);
      record(vault, {
        action: 'item.categorised',
        caseId,
        itemId,
        details: { category: category?.code ?? null, previous },
      });
    }
  })();
  return itemIds.length;
}

export function setSeverity(
  vault: UnlockedVault,
  itemIds: readonly string[],
  severity: number | null,
): number {
  vault.db.transaction(() => {
    for (const itemId of itemIds) {
      const caseId = openCaseOf(vault, itemId);
      const previous = itemSeverity(vault.db, itemId);
      if (previous === severity) continue;
      setItemSeverity(vault.db, itemId, severity);
      touchCase(vault.db, caseId);
      record(vault, {
        action: 'item.categorised',
        caseId,
        itemId,
        details: { severity, previous },
      });
    }
  })();
  return itemIds.length;
}

export function tagItems(
  vault: UnlockedVault,
  itemIds: readonly string[],
  tag: string,
  on: boolean,
): number {
  vault.db.transaction(() => {
    for (const itemId of itemIds) {
      const caseId = openCaseOf(vault, itemId);
      // Only a real change is logged, so an undo of it puts back what was there.
      const changed = on
        ? addTag(vault.db, caseId, itemId, tag)
        : removeTag(vault.db, caseId, itemId, tag);
      if (!changed) continue;
      touchCase(vault.db, caseId);
      record(vault, {
        action: 'item.annotated',
        caseId,
        itemId,
        details: on ? { tagAdded: tag } : { tagRemoved: tag },
      });
    }
  })();
  return itemIds.length;
}

export function addNote(vault: UnlockedVault, itemId: string, body: string): Note {
  const text = body.trim();
  if (!text) throw new InvalidInputError('The note is empty.');
  const caseId = caseOf(vault, itemId);
  // Notes go on closed cases too, but not on one that is with a colleague.
  assertNotHandedOver(vault.db, caseId);
  const note: Note = {
    id: randomUUID(),
    caseId,
    itemId,
    body: text,
    createdAt: new Date().toISOString(),
  };
  vault.db.transaction(() => {
    insertNote(vault.db, note);
    touchCase(vault.db, note.caseId, note.createdAt);
    record(vault, {
      action: 'item.annotated',
      caseId: note.caseId,
      itemId,
      details: { noteId: note.id },
    });
  })();
  return note;
}

/** `core.triage`: categories, severity, tags and notes of items. */
export class TriageService {
  readonly #vault: () => UnlockedVault;
  constructor(vault: () => UnlockedVault) {
    this.#vault = vault;
  }
  categories = (): Category[] => listCategories(this.#vault());
  categorise = (itemIds: readonly string[], category: string | null) => ({
    updated: categorise(this.#vault(), itemIds, category),
  });
  severity = (itemIds: readonly string[], severity: number | null) => ({
    updated: setSeverity(this.#vault(), itemIds, severity),
  });
  tag = (itemIds: readonly string[], tag: string, on: boolean) => ({
    updated: tagItems(this.#vault(), itemIds, tag, on),
  });
  addNote = (itemId: string, body: string): Note => addNote(this.#vault(), itemId, body);
  undo = (itemId: string): TriageUndo => undoLastTriage(this.#vault(), itemId);
}
