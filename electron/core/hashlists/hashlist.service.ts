// `core.hashlists`: importing, enabling and removing lists, checking items against them (on
// ingest and whenever a list changes), the review of matches, and what a match blocks. The reveal
// service asks `blockOf` before any unveiling (electron/core/reveal/reveal.service.ts).
import type { UnlockedVault } from '../vault/vault.ts';
import type { CoreEmitter } from '../events.ts';
import { record } from '../custody/custody-log.ts';
import { NotFoundError, InvalidInputError } from '../errors.ts';
import { itemCaseId } from '../items/item.queries.ts';
import { isSimilarityHash } from '../../../shared/domain/hashlist.ts';
import type {
  HashExportFormat,
  HashList,
  HashListImport,
  HashMatch,
  RevealBlock,
  SimilarGroup,
} from '../../../shared/domain/hashlist.ts';
import {
  isKnownIllegalCategory,
  MAPPING_VERSION,
  type CategorySchemeId,
} from '../../../shared/domain/category-schemes.ts';
import { mappingBetween, suggestLabels, type LabelSuggestion } from './label-suggest.ts';
import { readSchemes, writeSchemes } from './scheme-choice.ts';
import { parseListFile, writeList, type ImportOptions } from './list-import.ts';
import { deleteList, describeList, listById, listHeads, setListEnabled } from './list.queries.ts';
import {
  blockingMatches,
  dropOpenMatches,
  insertMatches,
  matchById,
  setMatchStatus,
  shownMatches,
  type NewMatch,
} from './match.queries.ts';
import { buildPdqListIndex, exactMatches, pdqMatches, type PdqListIndex } from './item-matching.ts';
import { itemLabels, setItemLabel, unlabelledIn } from './item-labels.ts';
import { similarGroups, similarityStamp } from './similar-groups.ts';
import type { Db } from '../store/db.ts';
import { framePdqMatches, videoFrames, vpdqMatches } from './video-matching.ts';
import { renderExport, writeExport } from './list-export.ts';
import { blockSentence } from './reveal-block.ts';
import { assertCaseOpen, getCase } from '../cases/case.service.ts';

export class HashListService {
  readonly #vault: () => UnlockedVault;
  readonly #events: CoreEmitter | undefined;
  /** The PDQ index of every enabled list, rebuilt after any list changes. */
  #pdq: PdqListIndex | null = null;
  /**
   * The last case's near-duplicate groups (a second or two for 10,000 pictures): the grid's
   * similar filter asks for them with every page, the item view with every item.
   */
  #similar: { db: Db; caseId: string; stamp: string; groups: SimilarGroup[] } | null = null;

  constructor(vault: () => UnlockedVault, events?: CoreEmitter) {
    this.#vault = vault;
    this.#events = events;
  }

  async import(path: string, options: ImportOptions): Promise<HashListImport> {
    const events = this.#events;
    const parsed = await parseListFile(path, {
      ...options,
      onProgress: (lines) => {
        options.onProgress?.(lines);
        events?.emit('hashlists:progress', { name: options.name, lines });
      },
    });
    const vault = this.#vault();
    const { list, added, removed } = writeList(vault, path, parsed, options);
    this.#pdq = null;
    const matched = this.#rematchList(vault, list.id);
    return {
      list: describeList(vault.db, list),
      added,
      removed,
      skipped: parsed.skipped,
      matched,
    };
  }

  list(): HashList[] {
    const db = this.#vault().db;
    return listHeads(db).map((h) => describeList(db, h));
  }

  setEnabled(id: string, enabled: boolean): HashList {
    const vault = this.#vault();
    if (!setListEnabled(vault.db, id, enabled)) throw new NotFoundError('hash list', id);
    record(vault, { action: 'hashlist.changed', details: { listId: id, enabled } });
    this.#pdq = null;
    if (enabled) this.#rematchList(vault, id);
    return describeList(vault.db, listById(vault.db, id)!);
  }

  remove(id: string): { id: string; removed: true } {
    const vault = this.#vault();
    const head = listById(vault.db, id);
    if (!head) throw new NotFoundError('hash list', id);
    vault.db.transaction(() => {
      deleteList(vault.db, id);
      record(vault, { action: 'hashlist.removed', details: { listId: id, version: head.version } });
    })();
    this.#pdq = null;
    return { id, removed: true };
  }

  /** Checks items (just ingested) against every enabled list; returns how many new matches. */
  checkItems(itemIds: readonly string[]): number {
    if (!itemIds.length) return 0;
    const vault = this.#vault();
    const pdq = (this.#pdq ??= buildPdqListIndex(vault.db));
    const videos = videoFrames(vault.db, { itemIds });
    const found = [
      ...exactMatches(vault.db, { itemIds }),
      ...pdqMatches(vault.db, pdq, itemIds),
      ...videos.flatMap((v) => framePdqMatches(pdq, v)),
      ...vpdqMatches(vault.db, videos, {}),
    ];
    return this.#store(vault, found);
  }

  /** A list was added or updated: every item of the vault, old and new, is checked against it. */
  #rematchList(vault: UnlockedVault, listId: string): number {
    const head = listById(vault.db, listId);
    if (!head?.enabled) return 0;
    const pdq = buildPdqListIndex(vault.db, listId);
    const videos = videoFrames(vault.db, {});
    const found = [
      ...exactMatches(vault.db, { listId }),
      ...pdqMatches(vault.db, pdq),
      ...videos.flatMap((v) => framePdqMatches(pdq, v)),
      ...vpdqMatches(vault.db, videos, { listId }),
    ];
    return vault.db.transaction(() => {
      dropOpenMatches(vault.db, listId);
      return this.#store(vault, found);
    })();
  }

  #store(vault: UnlockedVault, found: readonly NewMatch[]): number {
    const at = new Date().toISOString();
    return vault.db.transaction(() => {
      const added = insertMatches(vault.db, found, at);
      this.#preCategorise(vault, found);
      return added;
    })();
  }

  /** An exact match from a known-illegal list labels the item in the list's scheme (a PDQ match never does). */
  #preCategorise(vault: UnlockedVault, found: readonly NewMatch[]): void {
    for (const m of found) {
      if (isSimilarityHash(m.hashType) || m.negative || !m.categoryId) continue;
      const list = listById(vault.db, m.listId);
      if (!list?.knownIllegal || !unlabelledIn(vault, m.itemId, m.categoryId)) continue;
      if (!blockingMatches(vault.db, m.itemId).length) continue; // suppressed by a negative list
      setItemLabel(vault, m.itemId, m.categoryId, {
        source: 'hash-list',
        listId: m.listId,
        listVersion: m.listVersion,
        hashType: m.hashType,
      });
    }
  }

  matches(where: { caseId?: string | undefined; itemId?: string | undefined }): HashMatch[] {
    const vault = this.#vault();
    if (where.caseId) getCase(vault, where.caseId);
    else if (where.itemId && !itemCaseId(vault.db, where.itemId))
      throw new NotFoundError('item', where.itemId);
    return shownMatches(vault.db, where);
  }

  /** The reviewer's word on a match, logged; a rejected one is not shown again for that list version. */
  review(matchId: number, verdict: 'confirmed' | 'rejected', note?: string): HashMatch {
    const vault = this.#vault();
    const m = matchById(vault.db, matchId);
    if (!m) throw new NotFoundError('match', String(matchId));
    const caseId = itemCaseId(vault.db, m.itemId);
    if (caseId) assertCaseOpen(vault, caseId);
    vault.db.transaction(() => {
      setMatchStatus(vault.db, matchId, verdict);
      record(vault, {
        action: verdict === 'confirmed' ? 'match.confirmed' : 'match.rejected',
        caseId: caseId ?? null,
        itemId: m.itemId,
        details: {
          matchId,
          listId: m.listId,
          listVersion: m.listVersion,
          hashType: m.hashType,
          distance: m.distance,
          variant: m.variant,
          ...(note ? { note } : {}),
        },
      });
      // A confirmed PDQ lead may now carry the list's category, as the reviewer decided.
      if (verdict === 'confirmed' && m.categoryId && unlabelledIn(vault, m.itemId, m.categoryId))
        setItemLabel(vault, m.itemId, m.categoryId, { source: 'confirmed-match', matchId });
    })();
    return matchById(vault.db, matchId)!;
  }

  /**
   * Why the item must stay veiled by default, or null: its exact matches from known-illegal lists,
   * else its labels in known-illegal categories.
   */
  blockOf(vault: UnlockedVault, itemId: string): RevealBlock | null {
    const matches = blockingMatches(vault.db, itemId);
    if (matches.length) return { kind: 'hash-list', matches };
    const categoryIds = itemLabels(vault, itemId).filter(isKnownIllegalCategory);
    return categoryIds.length ? { kind: 'label', categoryIds } : null;
  }

  /** `hashlists:blocked`: the facts, and beside them the core's English as it always said it. */
  blocked(itemId: string): { reason: string | null; block: RevealBlock | null } {
    const block = this.blockOf(this.#vault(), itemId);
    return { reason: block && blockSentence(block), block };
  }

  similar(caseId: string): SimilarGroup[] {
    const vault = this.#vault();
    getCase(vault, caseId);
    const stamp = similarityStamp(vault.db, caseId);
    const kept = this.#similar;
    if (kept?.db === vault.db && kept.caseId === caseId && kept.stamp === stamp) return kept.groups;
    const groups = similarGroups(vault.db, caseId);
    this.#similar = { db: vault.db, caseId, stamp, groups };
    return groups;
  }

  /** Every item of the case that has a near-duplicate in it (the grid's similar filter). */
  similarItemIds(caseId: string): string[] {
    return this.similar(caseId).flatMap((g) => g.itemIds);
  }

  /** The item's labels, and labels in the reviewer's schemes suggested from them, with the reason. */
  labelsOf(itemId: string): { labels: string[]; suggestions: LabelSuggestion[] } {
    const vault = this.#vault();
    const suggestions = suggestLabels(vault, itemId);
    return { labels: itemLabels(vault, itemId), suggestions };
  }

  /** Labels suggested through the mapping, for the reviewer to confirm; never applied here. */
  suggest(itemId: string): LabelSuggestion[] {
    return suggestLabels(this.#vault(), itemId);
  }

  schemes(): CategorySchemeId[] {
    return readSchemes(this.#vault());
  }

  setSchemes(schemes: readonly CategorySchemeId[]): CategorySchemeId[] {
    return writeSchemes(this.#vault(), schemes);
  }

  /** The reviewer takes a suggested (or any) label; the label and what it came from are logged. */
  label(itemId: string, categoryId: string, from: string | null): { changed: boolean } {
    const vault = this.#vault();
    const caseId = itemCaseId(vault.db, itemId);
    if (!caseId) throw new NotFoundError('item', itemId);
    assertCaseOpen(vault, caseId);
    if (from !== null && !itemLabels(vault, itemId).includes(from))
      throw new InvalidInputError(`Item ${itemId} has no label ${from} to map from.`);
    // A confirmed suggestion logs the relation it came through, so the entry says why.
    const mapping = from === null ? undefined : mappingBetween(from, categoryId);
    const changed = vault.db.transaction(() =>
      setItemLabel(vault, itemId, categoryId, {
        source: 'reviewer',
        mappedFrom: from,
        ...(mapping
          ? {
              relation: mapping.relation,
              condition: mapping.condition,
              mappingVersion: MAPPING_VERSION,
            }
          : {}),
      }),
    )();
    return { changed };
  }

  async export(caseId: string, format: HashExportFormat, out: string): Promise<{ count: number }> {
    const vault = this.#vault();
    getCase(vault, caseId);
    const { text, count } = renderExport(vault.db, caseId, format);
    await writeExport(out, text);
    return { count };
  }
}
