// Rows of hash_matches. A match is shown when its list is enabled, it belongs to the list's
// current version, it was not rejected, and no negative entry suppresses it for that item.
import type { Db } from '../store/db.ts';
import type { HashMatch, MatchStatus } from '../../../shared/domain/hashlist.ts';
import { categorySchemes } from '../../../shared/domain/category-schemes.ts';

export interface NewMatch {
  itemId: string;
  listId: string;
  listVersion: number;
  hashType: string;
  value: string;
  distance: number;
  variant: string | null;
  categoryId: string | null;
  negative: boolean;
}

/** Inserts matches not yet known for that item, list version and hash; returns how many were new. */
export function insertMatches(db: Db, matches: readonly NewMatch[], at: string): number {
  const put = db.prepare(
    `INSERT OR IGNORE INTO hash_matches (item_id, list_id, list_version, hash_type, value, distance, variant,
       category_id, negative, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let added = 0;
  for (const m of matches)
    added += put.run(
      m.itemId,
      m.listId,
      m.listVersion,
      m.hashType,
      m.value,
      m.distance,
      m.variant,
      m.categoryId,
      m.negative ? 1 : 0,
      at,
    ).changes;
  return added;
}

/** Drops a list's matches nobody reviewed (before it is matched again at a new version). */
export const dropOpenMatches = (db: Db, listId: string): number =>
  db.prepare("DELETE FROM hash_matches WHERE list_id = ? AND status = 'open'").run(listId).changes;

// Current version of an enabled list; a negative hit by an exact hash suppresses every match of
// the item, a negative PDQ/vPDQ hit suppresses its similarity matches (a known false positive).
/** Similarity hashes (PDQ, vPDQ): their matches are leads, never a block or a category. */
const SIMILAR = `('pdq', 'vpdq')`;
const LIVE = `
  FROM hash_matches m JOIN hash_lists l ON l.id = m.list_id
  WHERE l.enabled = 1 AND m.list_version = l.version`;
const SUPPRESSED = `EXISTS (SELECT 1 FROM hash_matches n JOIN hash_lists nl ON nl.id = n.list_id
    WHERE n.item_id = m.item_id AND n.negative = 1 AND nl.enabled = 1 AND n.list_version = nl.version
      AND (n.hash_type NOT IN ${SIMILAR} OR m.hash_type IN ${SIMILAR}))`;

const COLUMNS = `m.id, m.item_id AS itemId, m.list_id AS listId, l.name AS listName, m.list_version AS listVersion,
  m.hash_type AS hashType, m.value, m.distance, m.variant, m.category_id AS categoryId,
  l.known_illegal AS knownIllegal, m.status`;

type MatchRow = Omit<HashMatch, 'knownIllegal'> & { knownIllegal: number };
const toMatch = (r: MatchRow): HashMatch => ({ ...r, knownIllegal: r.knownIllegal === 1 });

/** Matches shown for the items of a case (or one item), strongest first. */
export function shownMatches(
  db: Db,
  where: { caseId?: string | undefined; itemId?: string | undefined },
): HashMatch[] {
  const scope = where.itemId
    ? 'AND m.item_id = @id'
    : 'AND m.item_id IN (SELECT id FROM items WHERE case_id = @id)';
  return (
    db
      .prepare(
        `SELECT ${COLUMNS} ${LIVE} ${scope} AND m.negative = 0 AND m.status <> 'rejected' AND NOT ${SUPPRESSED}
         ORDER BY m.item_id, m.distance, l.name`,
      )
      .all({ id: where.itemId ?? where.caseId ?? '' }) as MatchRow[]
  ).map(toMatch);
}

/**
 * Why an item may not be unveiled by default: its exact matches from known-illegal lists, one per
 * list and hash type, by list name.
 */
export function blockingMatches(db: Db, itemId: string): { listName: string; hashType: string }[] {
  return db
    .prepare(
      `SELECT DISTINCT l.name AS listName, m.hash_type AS hashType ${LIVE} AND m.item_id = ?
         AND l.known_illegal = 1 AND m.negative = 0 AND m.hash_type NOT IN ${SIMILAR}
         AND m.status <> 'rejected' AND NOT ${SUPPRESSED} ORDER BY l.name, m.hash_type`,
    )
    .all(itemId) as { listName: string; hashType: string }[];
}

export function matchById(db: Db, id: number): HashMatch | undefined {
  const r = db
    .prepare(
      `SELECT ${COLUMNS} FROM hash_matches m JOIN hash_lists l ON l.id = m.list_id WHERE m.id = ?`,
    )
    .get(id) as MatchRow | undefined;
  return r && toMatch(r);
}

export const setMatchStatus = (db: Db, id: number, status: MatchStatus): void => {
  db.prepare('UPDATE hash_matches SET status = ? WHERE id = ?').run(status, id);
};

/** Item ids of a case with at least one shown match (the grid's "matched" filter). */
export const MATCHED_ITEM_CLAUSE = `EXISTS (SELECT 1 ${LIVE} AND m.item_id = i.id AND m.negative = 0
  AND m.status <> 'rejected' AND NOT ${SUPPRESSED})`;

const ILLEGAL_CATEGORIES = categorySchemes
  .flatMap((s) => s.categories.filter((c) => c.knownIllegal).map((c) => `'${s.id}:${c.code}'`))
  .join(', ');

/** Items kept veiled by default (the grid's "blocked" badge): as blockingMatch, or a known-illegal label. */
export const BLOCKING_ITEM_CLAUSE = `(EXISTS (SELECT 1 ${LIVE} AND m.item_id = i.id AND l.known_illegal = 1
  AND m.negative = 0 AND m.hash_type NOT IN ${SIMILAR} AND m.status <> 'rejected' AND NOT ${SUPPRESSED})
  OR EXISTS (SELECT 1 FROM item_categories ic WHERE ic.item_id = i.id AND ic.category_id IN (${ILLEGAL_CATEGORIES})))`;
