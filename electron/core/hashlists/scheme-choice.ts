// The category schemes the reviewer works in (by jurisdiction), kept in the vault's settings
// table under its own key, the primary first: suggestions are made into these schemes only, and
// the number keys label in the first. Like the other settings it is no custody entry: it changes
// no evidence, and each label it leads to is logged with its scheme (item.labelled).
import type { UnlockedVault } from '../vault/vault.ts';
import {
  assignableSchemeIds,
  categorySchemes,
  type CategorySchemeId,
} from '../../../shared/domain/category-schemes.ts';
import { InvalidInputError } from '../errors.ts';

const KEY = 'category_schemes';
export const DEFAULT_SCHEMES: readonly CategorySchemeId[] = ['custody', 'industry', 'vics-us'];

const assignable = (s: unknown): s is CategorySchemeId =>
  assignableSchemeIds.includes(s as CategorySchemeId);

export function readSchemes(vault: UnlockedVault): CategorySchemeId[] {
  const raw = vault.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as
    string | undefined;
  const parsed = raw ? (JSON.parse(raw) as unknown) : null;
  return Array.isArray(parsed) && parsed.length > 0 && parsed.every(assignable)
    ? parsed
    : [...DEFAULT_SCHEMES];
}

/** Keeps the order given (the primary first), each scheme once; a scheme no label is assigned in is refused. */
export function writeSchemes(
  vault: UnlockedVault,
  schemes: readonly CategorySchemeId[],
): CategorySchemeId[] {
  const refused = schemes.find((s) => !assignable(s));
  if (refused !== undefined) {
    const scheme = categorySchemes.find((s) => s.id === refused);
    const why = scheme?.use === 'reference' ? 'for reference only' : 'only read from hash lists';
    throw new InvalidInputError(
      `${scheme?.name ?? refused} is ${why}: no label is assigned in it.`,
    );
  }
  const unique = [...new Set(schemes)];
  vault.db
    .prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)')
    .run(KEY, JSON.stringify(unique));
  return unique;
}
