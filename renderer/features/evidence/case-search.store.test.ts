// @vitest-environment happy-dom
// The case-wide search: hits with their items fetched once each; an answer to a query since
// replaced is dropped; clearing empties it.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeCustody } from '../../../tests/helpers/fake-custody.ts';
import { resetAllStores } from '../../base/store.ts';
import { useCaseSearch } from './case-search.store.ts';

const CASE = 'c_aaaaaaaaaaaaaaaa';
const ITEM = 'i_aaaaaaaaaaaaaaaa';
const hit = (line: number, snippet: string) => ({
  itemId: ITEM,
  field: 'text' as const,
  line,
  snippet,
  marks: [[0, 3]],
});

beforeEach(() => resetAllStores());

describe('case search store', () => {
  it('keeps the hits in order and fetches each hit item once', async () => {
    const core = fakeCustody({
      'search:query': () => ({ hits: [hit(2, 'мы найдём'), hit(7, 'найдём тебя')] }),
      'items:get': ({ id }: { id: string }) => ({ id, originalName: 'threat.txt', kind: 'text' }),
    });
    await useCaseSearch.getState().search(CASE, ' найдём ');
    const s = useCaseSearch.getState();
    expect(s.query).toBe('найдём');
    expect(s.hits.map((h) => h.line)).toEqual([2, 7]);
    expect(s.items[ITEM]?.originalName).toBe('threat.txt');
    expect(core.calls.filter((c) => c.channel === 'items:get')).toHaveLength(1);
    s.move(5);
    expect(useCaseSearch.getState().current).toBe(1);
  });

  it('drops the answer to a query the reviewer has since changed', async () => {
    let release: () => void = () => {};
    fakeCustody({
      'search:query': ({ query }: { query: string }) =>
        query === 'old'
          ? new Promise((resolve) => (release = () => resolve({ hits: [hit(1, 'old')] })))
          : { hits: [] },
      'items:get': ({ id }: { id: string }) => ({ id, originalName: 'x.txt', kind: 'text' }),
    });
    const first = useCaseSearch.getState().search(CASE, 'old');
    await useCaseSearch.getState().search(CASE, 'new');
    release();
    await first;
    expect(useCaseSearch.getState().query).toBe('new');
    expect(useCaseSearch.getState().hits).toEqual([]);
  });

  it('clears the box and the hits', async () => {
    fakeCustody({ 'search:query': () => ({ hits: [hit(1, 'abc')] }), 'items:get': () => ({}) });
    useCaseSearch.getState().type('abc');
    await useCaseSearch.getState().search(CASE, 'abc');
    useCaseSearch.getState().clear();
    expect(useCaseSearch.getState()).toMatchObject({ typed: '', query: '', hits: [] });
  });
});
