// The category schemes the reviewer works in (by jurisdiction), kept in the vault's settings
// table under its own key: suggestions are made into these schemes only.
import type { UnlockedVault } from '../vault/vault.ts';
import {
  categorySchemeIds,
  type CategorySchemeId,
} from '../../../shared/domain/category-schemes.ts';

const KEY = 'category_schemes';
export const DEFAULT_SCHEMES: readonly CategorySchemeId[] = ['custody', 'industry', 'vics-us'];

export function readSchemes(vault: UnlockedVault): CategorySchemeId[] {
  const raw = vault.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as
    string | undefined;
  const parsed = raw ? (JSON.parse(raw) as unknown) : null;
  return Array.isArray(parsed) &&
    parsed.every((s) => categorySchemeIds.includes(s as CategorySchemeId))
    ? (parsed as CategorySchemeId[])
    : [...DEFAULT_SCHEMES];
}

export function writeSchemes(
  vault: UnlockedVault,
  schemes: readonly CategorySchemeId[],
): CategorySchemeId[] {
  const unique = [...new Set(schemes)];
  vault.db
    .prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)')
    .run(KEY, JSON.stringify(unique));
  return unique;
}
