import { NotFoundError } from '../errors.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import type { Item, ItemFilter, ItemSummary } from '../../../shared/domain/item.ts';
import { getCase } from '../cases/case.service.ts';
import { itemNotes } from '../triage/triage.queries.ts';
import { itemExposureSeconds } from '../exposure/exposure.service.ts';
import { selectItem, selectItemSummaries } from './item.queries.ts';

export function listItems(
  vault: UnlockedVault,
  caseId: string,
  offset = 0,
  limit = 500,
  filter: ItemFilter = {},
): { items: ItemSummary[]; total: number } {
  getCase(vault, caseId);
  return selectItemSummaries(vault.db, caseId, filter, offset, limit);
}

export function getItem(vault: UnlockedVault, id: string): Item {
  const item = selectItem(vault.db, id);
  if (!item) throw new NotFoundError('item', id);
  return {
    ...item,
    notes: itemNotes(vault.db, id),
    exposureSeconds: itemExposureSeconds(vault.db, id),
  };
}
