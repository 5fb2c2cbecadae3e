// What every export reads from a case before writing anything: the case, the chosen items with
// hashes and triage, and each item's custody entries. A missing item fails here, nothing written.
import { InvalidInputError } from '../errors.ts';
import { notInCaseError, nothingToExportError } from '../input-errors.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import { getCase } from '../cases/case.service.ts';
import { getItem } from '../items/item.service.ts';
import { entriesFor } from '../custody/custody-log.ts';
import type { CustodyEntry } from '../custody/entry.ts';
import { caseItemIds, itemExtras, type ItemExtras } from '../packets/packet.queries.ts';
import type { Case } from '../../../shared/domain/case.ts';
import type { Item } from '../../../shared/domain/item.ts';
import type { ReportFile } from '../../../shared/domain/ledger.ts';

export interface ExportItem {
  item: Item;
  extras: ItemExtras;
  history: CustodyEntry[];
}

export interface ExportCase {
  case: Case;
  items: ExportItem[];
  /** The case's own entries (created, updated, exported), without the items'. */
  caseHistory: CustodyEntry[];
}

export function collectExport(
  vault: UnlockedVault,
  caseId: string,
  itemIds?: readonly string[],
): ExportCase {
  const c = getCase(vault, caseId);
  const all = caseItemIds(vault.db, caseId);
  let ids = all;
  if (itemIds) {
    const inCase = new Set(all);
    ids = [...new Set(itemIds)];
    const stray = ids.find((id) => !inCase.has(id));
    if (stray !== undefined) throw notInCaseError(stray, caseId);
  }
  if (!ids.length) throw nothingToExportError(caseId);
  const items = ids.map((id) => {
    const extras = itemExtras(vault.db, id);
    if (!extras) throw new InvalidInputError(`No item with id ${id}.`);
    return { item: getItem(vault, id), extras, history: entriesFor(vault.db, { itemId: id }) };
  });
  const caseHistory = entriesFor(vault.db, { caseId }).filter((e) => e.itemId === null);
  return { case: c, items, caseHistory };
}

/** The item's label in one category scheme (`industry`, `vics-us`, `custody`, …), if it has one. */
export function labelIn(x: ExportItem, scheme: string): { code: string; label: string } | null {
  return x.extras.categories.find((c) => c.scheme === scheme) ?? null;
}

/** The ledger's view of the exported files: ids and hashes. */
export function ledgerFiles(items: readonly ExportItem[]): ReportFile[] {
  return items.map(({ item }) => ({
    itemId: item.id,
    md5: item.md5,
    sha1: item.sha1,
    sha256: item.sha256,
    pdq: item.pdq,
    fileRef: null,
  }));
}

/** True when the custody log shows the item unveiled past the veil (any rung above veiled). */
export function viewedBeyondVeil(x: ExportItem): boolean {
  return x.history.some(
    (e) =>
      e.action === 'item.unveiled' &&
      typeof e.details['step'] === 'string' &&
      e.details['step'] !== 'veiled',
  );
}
