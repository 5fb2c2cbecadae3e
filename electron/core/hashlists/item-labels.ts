// Labels in the schemes other than Custody's own (industry, vics-us, uk-sc2014, …): one per scheme
// per item, in item_categories beside the custody category. A known-illegal list's exact match
// sets one (pre-categorising the item, logged); a reviewer confirms a suggested one (both logged).
import type { UnlockedVault } from '../vault/vault.ts';
import { record } from '../custody/custody-log.ts';
import { itemCaseId } from '../items/item.queries.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { Json } from '../custody/canonical.ts';

export function itemLabels(vault: UnlockedVault, itemId: string): string[] {
  return vault.db
    .prepare('SELECT category_id FROM item_categories WHERE item_id = ? ORDER BY category_id')
    .pluck()
    .all(itemId) as string[];
}

/** Sets the item's label in the category's scheme (replacing that scheme's label only). */
export function setItemLabel(
  vault: UnlockedVault,
  itemId: string,
  categoryId: string,
  details: { [key: string]: Json },
): boolean {
  const caseId = itemCaseId(vault.db, itemId);
  if (!caseId) throw new NotFoundError('item', itemId);
  const scheme = vault.db
    .prepare('SELECT scheme FROM categories WHERE id = ?')
    .pluck()
    .get(categoryId) as string | undefined;
  if (!scheme) throw new InvalidInputError(`No category "${categoryId}".`);
  const previous = vault.db
    .prepare(
      'SELECT ic.category_id FROM item_categories ic JOIN categories c ON c.id = ic.category_id WHERE ic.item_id = ? AND c.scheme = ?',
    )
    .pluck()
    .get(itemId, scheme) as string | undefined;
  if (previous === categoryId) return false;
  if (previous)
    vault.db
      .prepare('DELETE FROM item_categories WHERE item_id = ? AND category_id = ?')
      .run(itemId, previous);
  vault.db
    .prepare('INSERT INTO item_categories (item_id, category_id, assigned_at) VALUES (?, ?, ?)')
    .run(itemId, categoryId, new Date().toISOString());
  record(vault, {
    action: 'item.labelled',
    caseId,
    itemId,
    details: { category: categoryId, previous: previous ?? null, ...details },
  });
  return true;
}

/** Whether the item has no label yet in the scheme of `categoryId`. */
export function unlabelledIn(vault: UnlockedVault, itemId: string, categoryId: string): boolean {
  const scheme = categoryId.split(':')[0];
  return (
    vault.db
      .prepare(
        'SELECT 1 FROM item_categories ic JOIN categories c ON c.id = ic.category_id WHERE ic.item_id = ? AND c.scheme = ?',
      )
      .get(itemId, scheme) === undefined
  );
}
