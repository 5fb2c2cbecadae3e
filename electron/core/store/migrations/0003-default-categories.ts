import type { Migration } from '../migrate.ts';

// The scheme as it was when this migration shipped, written out: a migration never reads live
// data (shared/domain/triage.ts may change; a vault migrated later must get these same rows).
const categories = [
  ['child-safety', 'Child safety'],
  ['terrorism', 'Terrorism / violent extremism'],
  ['threat-of-violence', 'Threat of violence'],
  ['self-harm', 'Self-harm'],
  ['harassment', 'Harassment'],
  ['disinformation', 'Disinformation'],
  ['doxxing', 'Doxxing'],
  ['other', 'Other harm'],
  ['not-actionable', 'Not actionable'],
] as const;

export const defaultCategoryScheme: Migration = {
  version: 3,
  name: 'default-categories',
  up(db) {
    const insert = db.prepare(
      'INSERT INTO categories (id, scheme, code, label, position) VALUES (?, ?, ?, ?, ?)',
    );
    categories.forEach(([code, label], i) =>
      insert.run(`custody:${code}`, 'custody', code, label, i + 1),
    );
    db.exec('CREATE INDEX item_categories_category ON item_categories(category_id)');
  },
};
