// The grid's arithmetic, pure so it is tested without a screen: which pages of summaries a visible
// range needs, where a key moves the focus, and which items a selection covers.
import type { ItemSummary } from '../../../shared/domain/item.ts';

/** Summaries per items:list call: 10,000 items arrive in five calls. */
export const PAGE_SIZE = 2000;

/** The pages holding items start..end (inclusive) that are neither loaded nor loading. */
export function missingPages(
  start: number,
  end: number,
  total: number,
  known: Readonly<Record<number, unknown>>,
  pageSize = PAGE_SIZE,
): number[] {
  if (total === 0) return [];
  const first = Math.floor(Math.max(0, start) / pageSize);
  const last = Math.floor(Math.min(total - 1, Math.max(start, end)) / pageSize);
  const pages: number[] = [];
  for (let p = first; p <= last; p++) if (!(p in known)) pages.push(p);
  return pages;
}

/** The items with one page's rows put in place; the array always has `total` slots. */
export function withPage<T>(
  items: readonly (T | undefined)[],
  total: number,
  page: number,
  rows: readonly T[],
  pageSize = PAGE_SIZE,
): (T | undefined)[] {
  const next =
    items.length === total ? items.slice() : Array.from({ length: total }, (_, i) => items[i]);
  rows.forEach((row, i) => {
    const at = page * pageSize + i;
    if (at < total) next[at] = row;
  });
  return next;
}

export type Move =
  'next' | 'previous' | 'rowDown' | 'rowUp' | 'pageDown' | 'pageUp' | 'first' | 'last';

export interface GridShape {
  columns: number;
  total: number;
  /** Whole rows that fit in the viewport. */
  visibleRows: number;
}

/** Where the focus goes from `index` for a move; it stays inside the items. */
export function moveFocus(index: number, move: Move, shape: GridShape): number {
  const { columns, total } = shape;
  if (total === 0) return 0;
  const page = Math.max(1, shape.visibleRows - 1) * columns;
  const target = {
    next: index + 1,
    previous: index - 1,
    rowDown: index + columns,
    rowUp: index - columns,
    pageDown: index + page,
    pageUp: index - page,
    first: 0,
    last: total - 1,
  }[move];
  // A row down from the last, incomplete row has nowhere to go: stay, rather than jump sideways.
  if (move === 'rowDown' && target >= total) return index;
  if (move === 'rowUp' && target < 0) return index;
  return Math.min(total - 1, Math.max(0, target));
}

export function toggled(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const next = new Set(selected);
  const allIn = ids.every((id) => next.has(id));
  for (const id of ids) {
    if (allIn) next.delete(id);
    else next.add(id);
  }
  return next;
}

/** The loaded items from index a to b, in either order. */
export function idsBetween(
  items: readonly (Pick<ItemSummary, 'id'> | undefined)[],
  a: number,
  b: number,
): string[] {
  const ids: string[] = [];
  for (let i = Math.min(a, b); i <= Math.max(a, b); i++) {
    const item = items[i];
    if (item) ids.push(item.id);
  }
  return ids;
}

/** What a triage key acts on: the selection, or else the focused item. */
export function targetIds(selected: ReadonlySet<string>, focusedId: string | undefined): string[] {
  if (selected.size > 0) return [...selected];
  return focusedId === undefined ? [] : [focusedId];
}

/** How many columns of tiles fit a width. */
export function columnsFor(width: number, tileWidth: number, gap: number): number {
  return Math.max(1, Math.floor((width + gap) / (tileWidth + gap)));
}
