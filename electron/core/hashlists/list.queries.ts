// Rows of hash_lists and hash_list_entries (schema: store/migrations/0007-hash-lists.ts).
import type { Db } from '../store/db.ts';
import {
  isComputable,
  type HashList,
  type HashListFormat,
  type HashListVersion,
} from '../../../shared/domain/hashlist.ts';

interface ListRow {
  id: string;
  name: string;
  format: string;
  version: number;
  imported_at: string;
  threshold: number;
  known_illegal: number;
  negative: number;
  enabled: number;
  versions: string;
}

export interface ListHead {
  id: string;
  name: string;
  format: HashListFormat;
  version: number;
  threshold: number;
  knownIllegal: boolean;
  negative: boolean;
  enabled: boolean;
  versions: HashListVersion[];
}

const head = (r: ListRow): ListHead => ({
  id: r.id,
  name: r.name,
  format: r.format as HashListFormat,
  version: r.version,
  threshold: r.threshold,
  knownIllegal: r.known_illegal === 1,
  negative: r.negative === 1,
  enabled: r.enabled === 1,
  versions: JSON.parse(r.versions) as HashListVersion[],
});

export function listByName(db: Db, name: string): ListHead | undefined {
  const r = db.prepare('SELECT * FROM hash_lists WHERE name = ?').get(name) as ListRow | undefined;
  return r && head(r);
}

export function listById(db: Db, id: string): ListHead | undefined {
  const r = db.prepare('SELECT * FROM hash_lists WHERE id = ?').get(id) as ListRow | undefined;
  return r && head(r);
}

export function listHeads(db: Db): ListHead[] {
  return (db.prepare('SELECT * FROM hash_lists ORDER BY name').all() as ListRow[]).map(head);
}

export function entryCounts(db: Db, listId: string): Record<string, number> {
  const rows = db
    .prepare(
      'SELECT hash_type, COUNT(*) AS n FROM hash_list_entries WHERE list_id = ? GROUP BY hash_type ORDER BY hash_type',
    )
    .all(listId) as Array<{ hash_type: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.hash_type, r.n]));
}

export function describeList(db: Db, h: ListHead): HashList {
  const counts = entryCounts(db, h.id);
  const last = h.versions.at(-1);
  return {
    id: h.id,
    name: h.name,
    format: h.format,
    version: h.version,
    importedAt: last?.importedAt ?? '',
    threshold: h.threshold,
    knownIllegal: h.knownIllegal,
    negative: h.negative,
    enabled: h.enabled,
    counts,
    notComputable: Object.keys(counts).filter((t) => !isComputable(t)),
    versions: h.versions,
  };
}

export function insertList(db: Db, h: ListHead, importedAt: string): void {
  db.prepare(
    `INSERT INTO hash_lists (id, name, format, version, imported_at, threshold, known_illegal, negative, enabled, versions)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    h.id,
    h.name,
    h.format,
    h.version,
    importedAt,
    h.threshold,
    h.knownIllegal ? 1 : 0,
    h.negative ? 1 : 0,
    h.enabled ? 1 : 0,
    JSON.stringify(h.versions),
  );
}

export function updateList(db: Db, h: ListHead, importedAt: string): void {
  db.prepare(
    `UPDATE hash_lists SET format = ?, version = ?, imported_at = ?, threshold = ?, known_illegal = ?,
       negative = ?, versions = ? WHERE id = ?`,
  ).run(
    h.format,
    h.version,
    importedAt,
    h.threshold,
    h.knownIllegal ? 1 : 0,
    h.negative ? 1 : 0,
    JSON.stringify(h.versions),
    h.id,
  );
}

export const setListEnabled = (db: Db, id: string, enabled: boolean): boolean =>
  db.prepare('UPDATE hash_lists SET enabled = ? WHERE id = ?').run(enabled ? 1 : 0, id).changes > 0;

export const deleteList = (db: Db, id: string): boolean =>
  db.prepare('DELETE FROM hash_lists WHERE id = ?').run(id).changes > 0;

export const deleteEntries = (db: Db, listId: string): number =>
  db.prepare('DELETE FROM hash_list_entries WHERE list_id = ?').run(listId).changes;

export interface EntryRow {
  hashType: string;
  value: string;
  categoryId: string | null;
  negative: boolean;
}

/** Inserting an entry already present updates its category and flag (a newer version's say). */
export function entryWriter(db: Db, listId: string) {
  const put = db.prepare(
    `INSERT INTO hash_list_entries (list_id, hash_type, value, category_id, negative) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (list_id, hash_type, value) DO UPDATE SET category_id = excluded.category_id, negative = excluded.negative`,
  );
  const drop = db.prepare(
    'DELETE FROM hash_list_entries WHERE list_id = ? AND hash_type = ? AND value = ?',
  );
  return {
    put: (e: EntryRow) => put.run(listId, e.hashType, e.value, e.categoryId, e.negative ? 1 : 0),
    drop: (hashType: string, value: string) => drop.run(listId, hashType, value).changes > 0,
  };
}

/** Every PDQ entry of the enabled lists (or of one list), for the multi-index. */
export function pdqEntries(
  db: Db,
  listId?: string,
): Array<{ listId: string; value: string; categoryId: string | null; negative: number }> {
  const sql = `SELECT e.list_id AS listId, e.value, e.category_id AS categoryId, e.negative
    FROM hash_list_entries e JOIN hash_lists l ON l.id = e.list_id
    WHERE e.hash_type = 'pdq' AND l.enabled = 1 ${listId ? 'AND l.id = ?' : ''}`;
  return (listId ? db.prepare(sql).all(listId) : db.prepare(sql).all()) as never;
}
