// Search and filters for the case list, pure so they are tested without a screen. Search folds
// text as the core's item search does (shared/domain/search-fold.ts).
import type { Case, CaseKind } from '../../../shared/domain/case.ts';
import { foldForSearch, searchTerms } from '../../../shared/domain/search-fold.ts';

export type StatusFilter = 'open' | 'closed' | 'all';
export type PriorityFilter = 'all' | 'emergency' | 'routine';
export type UpdatedFilter = 'any' | 'day' | 'week' | 'month';

export interface CaseFilters {
  query: string;
  kind: CaseKind | 'all';
  priority: PriorityFilter;
  status: StatusFilter;
  updated: UpdatedFilter;
}

export const defaultFilters: CaseFilters = {
  query: '',
  kind: 'all',
  priority: 'all',
  status: 'open',
  updated: 'any',
};

/** Every word of the query appears somewhere in the title, references or notes. */
export function matchesQuery(c: Case, query: string): boolean {
  const terms = searchTerms(query);
  if (terms.length === 0) return true;
  const haystack = foldForSearch([c.title, ...c.externalRefs, c.notes].join('\n'));
  return terms.every((term) => haystack.includes(term));
}

const DAY_MS = 24 * 60 * 60 * 1000;
const updatedWithin: Record<Exclude<UpdatedFilter, 'any'>, number> = {
  day: DAY_MS,
  week: 7 * DAY_MS,
  month: 30 * DAY_MS,
};

export function passesFilters(c: Case, f: CaseFilters, now: number): boolean {
  if (f.kind !== 'all' && c.kind !== f.kind) return false;
  if (f.priority === 'emergency' && !c.emergency) return false;
  if (f.priority === 'routine' && c.emergency) return false;
  if (f.status !== 'all' && c.status !== f.status) return false;
  if (f.updated !== 'any' && now - Date.parse(c.updatedAt) > updatedWithin[f.updated]) return false;
  return matchesQuery(c, f.query);
}

/** Open emergencies first, then open cases, then closed ones; most recently updated first within each. */
export function compareCases(a: Case, b: Case): number {
  const rank = (c: Case) => (c.status === 'closed' ? 2 : c.emergency ? 0 : 1);
  return rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
}

export function visibleCases(cases: readonly Case[], f: CaseFilters, now: number): Case[] {
  return cases.filter((c) => passesFilters(c, f, now)).sort(compareCases);
}

/** How many filters differ from the defaults, the query aside. */
export function changedFilterCount(f: CaseFilters): number {
  return (['kind', 'priority', 'status', 'updated'] as const).filter(
    (k) => f[k] !== defaultFilters[k],
  ).length;
}
