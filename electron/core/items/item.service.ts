import { NotFoundError } from '../errors.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import type { Item, ItemSummary } from '../../../shared/domain/item.ts';
import { getCase } from '../cases/case.service.ts';
import { countItems, selectItem, selectItemSummaries } from './item.queries.ts';

export function listItems(
  vault: UnlockedVault,
  caseId: string,
  offset = 0,
  limit = 500,
): { items: ItemSummary[]; total: number } {
  getCase(vault, caseId);
  return {
    items: selectItemSummaries(vault.db, caseId, offset, limit),
    total: countItems(vault.db, caseId),
  };
}

export function getItem(vault: UnlockedVault, id: string): Item {
  const item = selectItem(vault.db, id);
  if (!item) throw new NotFoundError('item', id);
  return item;
}
