// Which triage command a key means. Number keys categorise by the scheme's positions (0 clears);
// severity is Shift+1..5, or s and then a digit, for keyboards where Shift+digit is awkward.
import { digitOf, matches } from '../../base/shortcuts.ts';
import {
  categoryId,
  categorySchemes,
  type CategorySchemeId,
} from '../../../shared/domain/category-schemes.ts';

export type TriageCommand =
  | { kind: 'categorise'; position: number | null }
  | { kind: 'severity'; severity: number | null }
  | { kind: 'severity-mode' }
  | { kind: 'cancel-severity-mode' }
  | { kind: 'tag' }
  | { kind: 'note' }
  | { kind: 'escalate' }
  | { kind: 'undo' };

export function readTriageKey(
  event: KeyboardEvent,
  severityPending: boolean,
): TriageCommand | null {
  if (severityPending) {
    const digit = digitOf(event);
    if (digit !== null && digit <= 5 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      return { kind: 'severity', severity: digit === 0 ? null : digit };
    }
    return { kind: 'cancel-severity-mode' };
  }
  if (matches('categorise', event)) return { kind: 'categorise', position: digitOf(event) };
  if (matches('uncategorise', event)) return { kind: 'categorise', position: null };
  if (matches('severity', event)) return { kind: 'severity', severity: digitOf(event) };
  if (matches('clearSeverity', event)) return { kind: 'severity', severity: null };
  if (matches('severityMode', event)) return { kind: 'severity-mode' };
  if (matches('tag', event)) return { kind: 'tag' };
  if (matches('note', event)) return { kind: 'note' };
  if (matches('escalate', event)) return { kind: 'escalate' };
  if (matches('undo', event)) return { kind: 'undo' };
  return null;
}

/** A category a number key picks in the reviewer's primary scheme. */
export interface KeyedCategory {
  position: number;
  /** `${scheme}:${code}`, as labels are stored; its words come from schemeCategoryLabel. */
  id: string;
}

/**
 * The primary scheme's categories numbered 1…9 in the scheme's own order: the digits follow the
 * scheme the reviewer works in first, not a fixed list.
 */
export function keyedCategories(scheme: CategorySchemeId): KeyedCategory[] {
  const found = categorySchemes.find((s) => s.id === scheme);
  return (found?.categories ?? []).slice(0, 9).map((c, i) => ({
    position: i + 1,
    id: categoryId(scheme, c.code),
  }));
}
