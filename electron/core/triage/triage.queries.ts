import type { Db } from '../store/db.ts';
import type { Category, Note } from '../../../shared/domain/triage.ts';

export function selectCategories(db: Db): Category[] {
  return db
    .prepare(
      'SELECT id, scheme, code, label, position FROM categories WHERE scheme = ? ORDER BY position',
    )
    .all('custody') as Category[];
}

export function categoryByCode(db: Db, code: string): Category | undefined {
  return db
    .prepare(
      'SELECT id, scheme, code, label, position FROM categories WHERE scheme = ? AND code = ?',
    )
    .get('custody', code) as Category | undefined;
}

/** One category per item in the active scheme: assigning replaces. */
export function setItemCategory(
  db: Db,
  itemId: string,
  categoryId: string | null,
  at: string,
): void {
  // Labels in other schemes (industry, vics-us, …; electron/core/hashlists) stay.
  db.prepare(
    "DELETE FROM item_categories WHERE item_id = ? AND category_id IN (SELECT id FROM categories WHERE scheme = 'custody')",
  ).run(itemId);
  if (categoryId) {
    db.prepare(
      'INSERT INTO item_categories (item_id, category_id, assigned_at) VALUES (?, ?, ?)',
    ).run(itemId, categoryId, at);
  }
}

export function itemCategoryCode(db: Db, itemId: string): string | null {
  return (
    (db
      .prepare(
        "SELECT c.code FROM item_categories ic JOIN categories c ON c.id = ic.category_id WHERE ic.item_id = ? AND c.scheme = 'custody'",
      )
      .pluck()
      .get(itemId) as string | undefined) ?? null
  );
}

export function setItemSeverity(db: Db, itemId: string, severity: number | null): void {
  db.prepare('UPDATE items SET severity = ? WHERE id = ?').run(severity, itemId);
}

/** Returns whether the item did not have the tag before. */
export function addTag(db: Db, caseId: string, itemId: string, name: string): boolean {
  db.prepare('INSERT OR IGNORE INTO tags (case_id, name) VALUES (?, ?)').run(caseId, name);
  const tagId = db
    .prepare('SELECT id FROM tags WHERE case_id = ? AND name = ?')
    .pluck()
    .get(caseId, name) as number;
  return (
    db.prepare('INSERT OR IGNORE INTO item_tags (item_id, tag_id) VALUES (?, ?)').run(itemId, tagId)
      .changes > 0
  );
}

/** Returns whether the item had the tag. */
export function removeTag(db: Db, caseId: string, itemId: string, name: string): boolean {
  return (
    db
      .prepare(
        'DELETE FROM item_tags WHERE item_id = ? AND tag_id = (SELECT id FROM tags WHERE case_id = ? AND name = ?)',
      )
      .run(itemId, caseId, name).changes > 0
  );
}

export function itemTags(db: Db, itemId: string): string[] {
  return db
    .prepare(
      'SELECT t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id WHERE it.item_id = ? ORDER BY t.name',
    )
    .pluck()
    .all(itemId) as string[];
}

export function insertNote(db: Db, n: Note): void {
  db.prepare(
    'INSERT INTO notes (id, case_id, item_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(n.id, n.caseId, n.itemId, n.body, n.createdAt, n.createdAt);
}

export function itemNotes(db: Db, itemId: string): Note[] {
  return db
    .prepare(
      'SELECT id, case_id AS caseId, item_id AS itemId, body, created_at AS createdAt FROM notes WHERE item_id = ? ORDER BY created_at, id',
    )
    .all(itemId) as Note[];
}

export function itemSeverity(db: Db, itemId: string): number | null {
  return (
    (db.prepare('SELECT severity FROM items WHERE id = ?').pluck().get(itemId) as
      number | null | undefined) ?? null
  );
}
