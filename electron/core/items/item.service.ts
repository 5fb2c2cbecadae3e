import { NotFoundError } from '../errors.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import type { Item, ItemFilter, ItemSort, ItemSummary } from '../../../shared/domain/item.ts';
import type { VpdqStatus } from '../../../shared/domain/vpdq.ts';
import { caseTimeline, itemText } from './item-text.ts';
import { getCase } from '../cases/case.service.ts';
import { itemNotes } from '../triage/triage.queries.ts';
import { itemExposureSeconds } from '../exposure/exposure.service.ts';
import { selectCaseLanguages, selectItem, selectItemSummaries } from './item.queries.ts';
import { unwrittenFacts } from './written-facts.ts';
import type { TextGate } from '../reveal/text-gate.ts';
import { similarGroups } from '../hashlists/similar-groups.ts';

/** The items of a case that have a near-duplicate in it (core.hashlists keeps them between calls). */
export type SimilarItemIds = (caseId: string) => readonly string[];

export function listItems(
  vault: UnlockedVault,
  caseId: string,
  offset = 0,
  limit = 500,
  filter: ItemFilter = {},
  sort: ItemSort = 'acquired',
  similarIds: SimilarItemIds = (id) => similarGroups(vault.db, id).flatMap((g) => g.itemIds),
): { items: ItemSummary[]; total: number } {
  getCase(vault, caseId);
  const similar = filter.similar ? similarIds(caseId) : [];
  return selectItemSummaries(vault.db, caseId, filter, offset, limit, sort, similar);
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

/** The text gate as the item answers need it. */
export type ItemTextGate = Pick<TextGate, 'check' | 'hidden' | 'hiddenIn'>;

/**
 * `core.items`: the evidence grid and one item's record. What it answers follows the text gate:
 * a gated item's text is refused, its written facts and timeline words withheld, until revealed.
 */
export class ItemService {
  readonly #vault: () => UnlockedVault;
  readonly #gate: ItemTextGate;
  readonly #similarIds: SimilarItemIds;
  readonly #vpdq: (itemId: string) => VpdqStatus | null;
  /** `similarIds` gives a case's near-duplicates (core.hashlists); `vpdq` where a video's
   * one-frame-a-second pass stands (core.vpdq). */
  constructor(
    vault: () => UnlockedVault,
    gate: ItemTextGate,
    similarIds: SimilarItemIds,
    vpdq: (itemId: string) => VpdqStatus | null = () => null,
  ) {
    this.#vault = vault;
    this.#gate = gate;
    this.#similarIds = similarIds;
    this.#vpdq = vpdq;
  }
  list = (caseId: string, offset: number, limit: number, filter: ItemFilter, sort?: ItemSort) =>
    listItems(this.#vault(), caseId, offset, limit, filter, sort, this.#similarIds);
  get = (id: string): Item => {
    const item = getItem(this.#vault(), id);
    const vpdq = item.kind === 'video' ? this.#vpdq(id) : null;
    return this.answerable(vpdq ? { ...item, vpdq } : item);
  };
  /** An item record as it may leave the core now: a gated item's written facts withheld. */
  answerable = (item: Item): Item => {
    if (!this.#gate.hidden(item.id)) return { ...item, gated: false };
    return { ...item, facts: unwrittenFacts(item.facts), gated: true };
  };
  text = (itemId: string, encoding?: string) => {
    this.#gate.check(itemId);
    return itemText(this.#vault(), itemId, encoding);
  };
  timeline = (caseId: string) => {
    const vault = this.#vault();
    getCase(vault, caseId);
    return caseTimeline(vault, caseId, this.#gate.hiddenIn(caseId));
  };
  languages = (caseId: string): string[] => {
    getCase(this.#vault(), caseId);
    return selectCaseLanguages(this.#vault().db, caseId);
  };
}
