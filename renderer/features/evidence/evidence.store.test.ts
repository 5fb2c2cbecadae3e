// @vitest-environment happy-dom
// A large case arrives a page at a time; a filter change drops pages asked for under the old one;
// triage acts on the selection or the focused item; a lock empties it all.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeCustody } from '../../../tests/helpers/fake-custody.ts';
import { resetAllStores } from '../../base/store.ts';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import { useEvidence } from './evidence.store.ts';
import { PAGE_SIZE } from './grid-model.ts';

const CASE = 'c_aaaaaaaaaaaaaaaa';

function summary(i: number): ItemSummary {
  return {
    id: `i_${String(i).padStart(16, 'a')}`,
    caseId: CASE,
    kind: 'image',
    mime: 'image/jpeg',
    originalName: `улика-${i}.jpg`,
    size: 1,
    width: 1,
    height: 1,
    flags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    parentId: null,
    pathInParent: null,
    damaged: null,
    eventAt: null,
    category: null,
    severity: null,
    tags: [],
  };
}

interface ListArgs {
  offset: number;
  limit: number;
  filter: { language?: string; parentId?: string; topLevel?: boolean };
  sort?: string;
}

function caseOf(total: number) {
  return fakeCustody({
    'items:list': ({ offset, limit, filter }: ListArgs) => {
      const all = Array.from({ length: total }, (_, i) => summary(i)).filter(
        (s) => !filter.language || s.originalName.endsWith(`-${filter.language}.jpg`),
      );
      return { items: all.slice(offset, offset + limit), total: all.length };
    },
  });
}

beforeEach(() => resetAllStores());

describe('evidence store', () => {
  it('fetches the first page on open, and further pages only as they are needed', async () => {
    const core = caseOf(10_000);
    await useEvidence.getState().open(CASE);
    expect(useEvidence.getState().total).toBe(10_000);
    expect(useEvidence.getState().items[PAGE_SIZE - 1]?.originalName).toBe(
      `улика-${PAGE_SIZE - 1}.jpg`,
    );
    expect(useEvidence.getState().items[PAGE_SIZE]).toBeUndefined();
    await useEvidence.getState().ensureRange(9_990, 9_999);
    expect(useEvidence.getState().items[9_999]?.originalName).toBe('улика-9999.jpg');
    const offsets = core.calls
      .filter((c) => c.channel === 'items:list')
      .map((c) => (c.args as ListArgs).offset);
    expect(offsets).toEqual([0, 8_000]);
  });

  it('selects all items of the filter, fetching the pages it lacks', async () => {
    caseOf(4_500);
    await useEvidence.getState().open(CASE);
    await useEvidence.getState().selectAll();
    expect(useEvidence.getState().selected.size).toBe(4_500);
    expect(useEvidence.getState().targets()).toHaveLength(4_500);
  });

  it('drops a page asked for under the previous filter', async () => {
    let release: () => void = () => {};
    const core = caseOf(10);
    core.answer('items:list', (args: ListArgs) => {
      const items = Array.from({ length: 10 }, (_, i) => summary(i)).filter(
        (s) => !args.filter.language || s.originalName.endsWith(`-${args.filter.language}.jpg`),
      );
      const value = { items, total: items.length };
      return args.filter.language
        ? value
        : new Promise((resolve) => (release = () => resolve(value)));
    });
    const opening = useEvidence.getState().open(CASE);
    await useEvidence.getState().setFilter({ language: '7' });
    release();
    await opening;
    expect(useEvidence.getState().total).toBe(1);
    expect(useEvidence.getState().items.map((i) => i?.originalName)).toEqual(['улика-7.jpg']);
  });

  it('lists top-level items with children under their parent, or every item flat, kept per case', async () => {
    const core = caseOf(3);
    core.answer('items:languages', () => ({ languages: ['ar', 'fa'] }));
    await useEvidence.getState().open(CASE);
    expect(useEvidence.getState().languages).toEqual(['ar', 'fa']);
    const lastList = () =>
      core.calls.filter((c) => c.channel === 'items:list').at(-1)?.args as ListArgs;
    expect(lastList().filter).toEqual({ topLevel: true });
    await useEvidence.getState().showChildren(summary(1));
    expect(lastList().filter).toEqual({ parentId: summary(1).id });
    await useEvidence.getState().showChildren(null);
    await useEvidence.getState().setLayout('flat');
    expect(lastList().filter).toEqual({});
    await useEvidence.getState().setSort('event');
    expect(lastList().sort).toBe('event');
    await useEvidence.getState().open('c_bbbbbbbbbbbbbbbb');
    expect(lastList().filter).toEqual({ topLevel: true });
    await useEvidence.getState().open(CASE);
    expect(useEvidence.getState().layout).toBe('flat');
    expect(lastList().filter).toEqual({});
  });

  it('extends and toggles the selection; triage targets the focus when nothing is selected', async () => {
    caseOf(10);
    await useEvidence.getState().open(CASE);
    const { focus, extendTo, toggle, targets } = useEvidence.getState();
    focus(2);
    expect(targets()).toEqual([summary(2).id]);
    extendTo(4);
    expect(targets().sort()).toEqual([2, 3, 4].map((i) => summary(i).id));
    toggle(3);
    expect(targets().sort()).toEqual([2, 4].map((i) => summary(i).id));
    useEvidence.getState().clearSelection();
    expect(useEvidence.getState().targets()).toEqual([summary(3).id]);
  });

  it('shows a confirmed change without refetching, and a lock leaves nothing', async () => {
    caseOf(3);
    await useEvidence.getState().open(CASE);
    useEvidence.getState().patch([summary(1).id], (i) => ({ ...i, category: 'doxxing' }));
    expect(useEvidence.getState().items.map((i) => i?.category)).toEqual([null, 'doxxing', null]);
    resetAllStores();
    expect(useEvidence.getState().items).toEqual([]);
    expect(useEvidence.getState().caseId).toBeNull();
    expect(JSON.stringify(useEvidence.getState())).not.toContain('улика');
  });
});
