// Checking items against the lists: exact hashes through the entries' (hash_type, value) index,
// PDQ through the multi-index over all eight rotations/flips of the item, items of quality < 50
// skipped (Meta's guidance: their hashes say little). Found matches are stored per list version.
import type { Db } from '../store/db.ts';
import { PDQ_MIN_USEFUL_QUALITY } from '../media/pdq/index.ts';
import { PDQ_DIHEDRAL_NAMES } from '../media/pdq/index.ts';
import { PdqIndex } from './pdq-index.ts';
import { pdqEntries } from './list.queries.ts';
import type { NewMatch } from './match.queries.ts';

const EXACT = [
  ['md5', 'md5'],
  ['sha1', 'sha1'],
  ['sha256', 'sha256'],
] as const;

export interface Scope {
  /** Only these items; all items of the vault when absent. */
  itemIds?: readonly string[];
  /** Only this list; every enabled list when absent. */
  listId?: string;
}

export function exactMatches(db: Db, scope: Scope): NewMatch[] {
  const out: NewMatch[] = [];
  for (const [type, column] of EXACT) {
    const sql = `SELECT i.id AS itemId, e.list_id AS listId, l.version AS listVersion, e.value,
        e.category_id AS categoryId, e.negative
      FROM items i JOIN hash_list_entries e ON e.hash_type = '${type}' AND e.value = i.${column}
      JOIN hash_lists l ON l.id = e.list_id
      WHERE l.enabled = 1 ${scope.listId ? 'AND e.list_id = @listId' : ''} ${scope.itemIds ? 'AND i.id = @itemId' : ''}`;
    const stmt = db.prepare(sql);
    const run = (itemId?: string) =>
      stmt.all({
        ...(scope.listId ? { listId: scope.listId } : {}),
        ...(itemId ? { itemId } : {}),
      }) as Array<
        Omit<NewMatch, 'hashType' | 'distance' | 'variant' | 'negative'> & { negative: number }
      >;
    const rows = scope.itemIds ? scope.itemIds.flatMap((id) => run(id)) : run();
    for (const r of rows)
      out.push({ ...r, hashType: type, distance: 0, variant: null, negative: r.negative === 1 });
  }
  return out;
}

export interface PdqListIndex {
  index: PdqIndex;
  entries: Array<{ listId: string; value: string; categoryId: string | null; negative: boolean }>;
  lists: Map<string, { version: number; threshold: number }>;
  maxThreshold: number;
}

export function buildPdqListIndex(db: Db, listId?: string): PdqListIndex {
  const rows = pdqEntries(db, listId);
  const lists = new Map(
    (
      db.prepare('SELECT id, version, threshold FROM hash_lists WHERE enabled = 1').all() as Array<{
        id: string;
        version: number;
        threshold: number;
      }>
    ).map((l) => [l.id, { version: l.version, threshold: l.threshold }]),
  );
  const maxThreshold = Math.max(0, ...[...lists.values()].map((l) => l.threshold));
  return {
    index: new PdqIndex(rows.map((r) => r.value)),
    entries: rows.map((r) => ({ ...r, negative: r.negative === 1 })),
    lists,
    maxThreshold,
  };
}

interface PdqItem {
  id: string;
  dihedral: string[];
}

function pdqItems(db: Db, itemIds?: readonly string[]): PdqItem[] {
  const sql = `SELECT id, pdq_dihedral FROM items WHERE pdq_dihedral IS NOT NULL AND pdq_quality >= ${PDQ_MIN_USEFUL_QUALITY}`;
  const rows = itemIds
    ? itemIds.flatMap(
        (id) =>
          db.prepare(`${sql} AND id = ?`).all(id) as Array<{ id: string; pdq_dihedral: string }>,
      )
    : (db.prepare(sql).all() as Array<{ id: string; pdq_dihedral: string }>);
  return rows.map((r) => ({ id: r.id, dihedral: JSON.parse(r.pdq_dihedral) as string[] }));
}

/** The closest of the item's eight variants to each list hash within its list's threshold. */
export function pdqMatchesOf(idx: PdqListIndex, item: PdqItem): NewMatch[] {
  const best = new Map<number, { distance: number; variant: string }>();
  item.dihedral.forEach((hash, v) => {
    for (const hit of idx.index.query(hash, idx.maxThreshold)) {
      const seen = best.get(hit.index);
      if (!seen || hit.distance < seen.distance)
        best.set(hit.index, { distance: hit.distance, variant: PDQ_DIHEDRAL_NAMES[v] ?? 'orig' });
    }
  });
  const out: NewMatch[] = [];
  for (const [i, { distance, variant }] of best) {
    const e = idx.entries[i];
    const list = e && idx.lists.get(e.listId);
    if (!e || !list || distance > list.threshold) continue;
    out.push({
      itemId: item.id,
      listId: e.listId,
      listVersion: list.version,
      hashType: 'pdq',
      value: e.value,
      distance,
      variant,
      categoryId: e.categoryId,
      negative: e.negative,
    });
  }
  return out;
}

export function pdqMatches(db: Db, idx: PdqListIndex, itemIds?: readonly string[]): NewMatch[] {
  if (idx.index.size === 0) return [];
  return pdqItems(db, itemIds).flatMap((item) => pdqMatchesOf(idx, item));
}
