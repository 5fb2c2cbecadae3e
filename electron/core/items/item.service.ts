import { NotFoundError } from '../errors.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import type { Item, ItemFilter, ItemSort, ItemSummary } from '../../../shared/domain/item.ts';
import { caseTimeline, itemText } from './item-text.ts';
import { getCase } from '../cases/case.service.ts';
import { itemNotes } from '../triage/triage.queries.ts';
import { itemExposureSeconds } from '../exposure/exposure.service.ts';
import { selectCaseLanguages, selectItem, selectItemSummaries } from './item.queries.ts';

export function listItems(
  vault: UnlockedVault,
  caseId: string,
  offset = 0,
  limit = 500,
  filter: ItemFilter = {},
  sort: ItemSort = 'acquired',
): { items: ItemSummary[]; total: number } {
  getCase(vault, caseId);
  return selectItemSummaries(vault.db, caseId, filter, offset, limit, sort);
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

/** `core.items`: the evidence grid and one item's record. */
export class ItemService {
  readonly #vault: () => UnlockedVault;
  constructor(vault: () => UnlockedVault) {
    this.#vault = vault;
  }
  list = (caseId: string, offset: number, limit: number, filter: ItemFilter, sort?: ItemSort) =>
    listItems(this.#vault(), caseId, offset, limit, filter, sort);
  get = (id: string): Item => getItem(this.#vault(), id);
  text = (itemId: string, encoding?: string) => itemText(this.#vault(), itemId, encoding);
  timeline = (caseId: string) => caseTimeline(this.#vault(), caseId);
  languages = (caseId: string): string[] => {
    getCase(this.#vault(), caseId);
    return selectCaseLanguages(this.#vault().db, caseId);
  };
}
