import type { Migration } from '../migrate.ts';
import { defaultCategories } from '../../../../shared/domain/triage.ts';

export const defaultCategoryScheme: Migration = {
  version: 3,
  name: 'default-categories',
  up(db) {
    const insert = db.prepare(
      'INSERT INTO categories (id, scheme, code, label, position) VALUES (?, ?, ?, ?, ?)',
    );
    defaultCategories.forEach((c, i) =>
      insert.run(`custody:${c.code}`, 'custody', c.code, c.label, i + 1),
    );
    db.exec('CREATE INDEX item_categories_category ON item_categories(category_id)');
  },
};
