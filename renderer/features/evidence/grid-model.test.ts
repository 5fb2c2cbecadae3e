import { describe, expect, it } from 'vitest';
import {
  columnsFor,
  idsBetween,
  missingPages,
  moveFocus,
  targetIds,
  toggled,
  withPage,
} from './grid-model.ts';

const shape = { columns: 5, total: 23, visibleRows: 3 };

describe('grid model', () => {
  it('asks only for the pages a range needs that are not there yet', () => {
    expect(missingPages(0, 40, 10_000, {}, 2000)).toEqual([0]);
    expect(missingPages(1990, 2010, 10_000, { 0: 'loaded' }, 2000)).toEqual([1]);
    expect(missingPages(9000, 12_000, 10_000, { 4: 'loading' }, 2000)).toEqual([]);
    expect(missingPages(0, 10, 0, {}, 2000)).toEqual([]);
  });

  it('puts a page of rows at its offset, in an array as long as the total', () => {
    const items = withPage<string>([], 5, 1, ['c', 'd'], 2);
    expect(items).toEqual([undefined, undefined, 'c', 'd', undefined]);
    expect(withPage(items, 5, 2, ['e', 'f'], 2)).toEqual([undefined, undefined, 'c', 'd', 'e']);
  });

  it('moves by item, row, screen and to either end, never outside the items', () => {
    expect(moveFocus(0, 'next', shape)).toBe(1);
    expect(moveFocus(0, 'previous', shape)).toBe(0);
    expect(moveFocus(2, 'rowDown', shape)).toBe(7);
    expect(moveFocus(7, 'rowUp', shape)).toBe(2);
    expect(moveFocus(2, 'rowUp', shape)).toBe(2);
    // From the row above the last, incomplete row: down lands only where there is an item.
    expect(moveFocus(19, 'rowDown', shape)).toBe(19);
    expect(moveFocus(17, 'rowDown', shape)).toBe(22);
    expect(moveFocus(0, 'pageDown', shape)).toBe(10);
    expect(moveFocus(22, 'pageDown', shape)).toBe(22);
    expect(moveFocus(12, 'first', shape)).toBe(0);
    expect(moveFocus(0, 'last', shape)).toBe(22);
  });

  it('toggles a set of ids together: all in, all out', () => {
    expect([...toggled(new Set(['a']), ['a', 'b'])].sort()).toEqual(['a', 'b']);
    expect([...toggled(new Set(['a', 'b']), ['a', 'b'])]).toEqual([]);
  });

  it('selects the loaded items between two indexes, in either order', () => {
    const items = [{ id: 'a' }, undefined, { id: 'c' }, { id: 'd' }];
    expect(idsBetween(items, 3, 0)).toEqual(['a', 'c', 'd']);
  });

  it('acts on the selection, or on the focused item when nothing is selected', () => {
    expect(targetIds(new Set(['x', 'y']), 'z')).toEqual(['x', 'y']);
    expect(targetIds(new Set(), 'z')).toEqual(['z']);
    expect(targetIds(new Set(), undefined)).toEqual([]);
  });

  it('fits as many columns as the width allows, at least one', () => {
    expect(columnsFor(1056, 176, 12)).toBe(5);
    expect(columnsFor(100, 176, 12)).toBe(1);
  });
});
