// The category schemes of issue 13 (hash lists), as rows with their final ids `${scheme}:${code}`.
// INSERT OR IGNORE, so once that migration ships the same rows are simply found, and tests written
// against this keep working. Labels an item in a scheme the way triage stores it.
import type { Db } from '../../electron/core/store/db.ts';

const schemes: Record<string, readonly string[]> = {
  industry: ['A1', 'A2', 'B1', 'B2'],
  'vics-us': ['0', '1', '2', '3', '4'],
};

export function ensureSchemeCategories(db: Db): void {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO categories (id, scheme, code, label, position) VALUES (?, ?, ?, ?, ?)',
  );
  for (const [scheme, codes] of Object.entries(schemes))
    codes.forEach((code, i) =>
      insert.run(`${scheme}:${code}`, scheme, code, `${scheme} ${code}`, i + 1),
    );
}

/** Gives the item the label `scheme:code` (which must exist), beside whatever else it has. */
export function labelItem(db: Db, itemId: string, scheme: string, code: string): void {
  db.prepare(
    'INSERT OR REPLACE INTO item_categories (item_id, category_id, assigned_at) VALUES (?, ?, ?)',
  ).run(itemId, `${scheme}:${code}`, new Date().toISOString());
}
