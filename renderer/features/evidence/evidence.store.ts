// The open case's evidence as the grid shows it: summaries fetched a page at a time (a 10,000-item
// case is five calls), the filter, the order, children under their parent or flat (kept per case
// until the vault locks), the keyboard focus and the selection. A lock empties it; a page
// that arrives after the filter changed, or after a lock, is dropped.
import { defineStore, staleGuard } from '../../base/store.ts';
import { subscribe } from '../../base/store-events.ts';
import { ClientError, invoke } from '../../ipc/client.ts';
import type { ItemFilter, ItemKind, ItemSort, ItemSummary } from '../../../shared/domain/item.ts';
import { PAGE_SIZE, idsBetween, missingPages, targetIds, toggled, withPage } from './grid-model.ts';

export interface EvidenceFilter {
  /** A category code, 'untriaged', or '' for any. */
  category: string;
  kind: '' | ItemKind;
  /**
   * 'hash-match': items with a hash-list match shown; 'similar': items with a near-duplicate in
   * the case (both decided by the core: electron/core/hashlists).
   */
  flag: '' | 'gps' | 'animated' | 'duplicate-acquired' | 'hash-match' | 'similar' | 'damaged';
  /** A detected language (ISO 639-1), or '' for any. */
  language: string;
  /** Only the items inside this one (from its "show children"), or ''. */
  parentId: string;
}

export const noFilter: EvidenceFilter = {
  category: '',
  kind: '',
  flag: '',
  language: '',
  parentId: '',
};

/** 'nested': the grid shows top-level items, each container opening onto its children. */
export type GridLayout = 'nested' | 'flat';

interface EvidenceState {
  caseId: string | null;
  filter: EvidenceFilter;
  sort: ItemSort;
  layout: GridLayout;
  /** Each case's layout, so returning to a case finds the grid as it was left. */
  layouts: Readonly<Record<string, GridLayout>>;
  /** The item whose children are shown (filter.parentId), for the way back. */
  parent: ItemSummary | null;
  /** The languages detected in the case, for the language filter. */
  languages: string[];
  total: number;
  items: (ItemSummary | undefined)[];
  pages: Record<number, 'loading' | 'loaded'>;
  loaded: boolean;
  error: ClientError | null;
  focusedIndex: number;
  /** Where a Shift range starts. */
  anchorIndex: number;
  selected: ReadonlySet<string>;
  /** Set when leaving for the item view, so the grid takes the focus back on return. */
  returnFocus: boolean;
}

interface EvidenceActions {
  open: (caseId: string) => Promise<void>;
  setFilter: (change: Partial<EvidenceFilter>) => Promise<void>;
  setSort: (sort: ItemSort) => Promise<void>;
  setLayout: (layout: GridLayout) => Promise<void>;
  /** The grid narrowed to the items inside `parent`; null goes back to the whole case. */
  showChildren: (parent: ItemSummary | null) => Promise<void>;
  /** Fetches what items start..end need. */
  ensureRange: (start: number, end: number) => Promise<void>;
  /** Every summary of the filter, fetched as needed (select all, package by filter). */
  loadAll: () => Promise<ItemSummary[]>;
  /** Fetches again, keeping the focus (after an ingest). */
  reload: () => Promise<void>;
  focus: (index: number) => void;
  /** Moves the focus and selects from the anchor to it. */
  extendTo: (index: number) => void;
  toggle: (index: number) => void;
  selectAll: () => Promise<void>;
  clearSelection: () => void;
  /** The items a triage key acts on. */
  targets: () => string[];
  /** Applies a change the core confirmed to the summaries on screen. */
  patch: (ids: readonly string[], change: (item: ItemSummary) => ItemSummary) => void;
  indexOf: (itemId: string) => number;
  setReturnFocus: (value: boolean) => void;
}

function toRequestFilter(f: EvidenceFilter, layout: GridLayout): ItemFilter {
  const filter: ItemFilter = {};
  if (f.parentId) filter.parentId = f.parentId;
  else if (layout === 'nested') filter.topLevel = true;
  if (f.category) filter.category = f.category;
  if (f.kind) filter.kind = f.kind;
  if (f.language) filter.language = f.language;
  if (f.flag === 'hash-match') filter.matched = true;
  else if (f.flag === 'similar') filter.similar = true;
  else if (f.flag) filter.flag = f.flag;
  return filter;
}

function asClientError(e: unknown): ClientError {
  return e instanceof ClientError ? e : new ClientError('INTERNAL', String(e));
}

const empty = () => ({
  total: 0,
  items: [] as (ItemSummary | undefined)[],
  pages: {},
  loaded: false,
  error: null,
  focusedIndex: 0,
  anchorIndex: 0,
  selected: new Set<string>() as ReadonlySet<string>,
});

export const useEvidence = defineStore<EvidenceState, EvidenceActions>(
  () => ({
    caseId: null,
    filter: noFilter,
    sort: 'acquired',
    layout: 'nested',
    layouts: {},
    parent: null,
    languages: [],
    returnFocus: false,
    ...empty(),
  }),
  (set, get) => {
    // Bumped whenever the list is refetched from scratch: pages asked for before are dropped.
    let listing = 0;
    let inflight = new Map<number, Promise<void>>();

    const fetchPage = (page: number): Promise<void> => {
      const running = inflight.get(page);
      if (running) return running;
      const promise = fetchPageNow(page).finally(() => {
        if (inflight.get(page) === promise) inflight.delete(page);
      });
      inflight.set(page, promise);
      return promise;
    };

    const fetchPageNow = async (page: number) => {
      const { caseId, filter, layout, sort } = get();
      if (!caseId) return;
      const at = listing;
      const stale = staleGuard();
      set({ pages: { ...get().pages, [page]: 'loading' } });
      try {
        const { items, total } = await invoke('items:list', {
          caseId,
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
          filter: toRequestFilter(filter, layout),
          sort,
        });
        if (stale() || at !== listing) return;
        const s = get();
        // A changed total (an ingest landed) invalidates the other pages' offsets.
        const pages =
          total === s.total
            ? { ...s.pages, [page]: 'loaded' as const }
            : { [page]: 'loaded' as const };
        const base = total === s.total ? s.items : [];
        set({
          total,
          items: withPage(base, total, page, items),
          pages,
          loaded: true,
          error: null,
          focusedIndex: Math.min(s.focusedIndex, Math.max(0, total - 1)),
        });
      } catch (e) {
        if (stale() || at !== listing) return;
        const pages = { ...get().pages };
        delete pages[page];
        set({ pages, error: asClientError(e), loaded: true });
      }
    };

    const restart = (keepFocus: boolean) => {
      listing += 1;
      inflight = new Map();
      const focusedIndex = keepFocus ? get().focusedIndex : 0;
      set({
        ...empty(),
        focusedIndex,
        anchorIndex: focusedIndex,
        selected: keepFocus ? get().selected : new Set(),
      });
      return fetchPage(Math.floor(focusedIndex / PAGE_SIZE));
    };

    const loadLanguages = async () => {
      const { caseId } = get();
      if (!caseId) return;
      const stale = staleGuard();
      try {
        const { languages } = await invoke('items:languages', { caseId });
        if (!stale() && get().caseId === caseId) set({ languages });
      } catch {
        // The filter then offers no language; the grid itself still lists.
      }
    };

    const ensureRange = async (start: number, end: number) => {
      const { total, pages } = get();
      const loading = Object.keys(pages)
        .map(Number)
        .filter(
          (p) => pages[p] === 'loading' && p * PAGE_SIZE <= end && (p + 1) * PAGE_SIZE > start,
        );
      const missing = missingPages(start, end, total, pages);
      await Promise.all([...missing, ...loading].map(fetchPage));
    };

    return {
      open: async (caseId) => {
        if (get().caseId === caseId && get().loaded) return;
        const layout = get().layouts[caseId] ?? 'nested';
        set({ caseId, filter: noFilter, parent: null, layout, languages: [], returnFocus: false });
        await Promise.all([restart(false), loadLanguages()]);
      },
      setFilter: async (change) => {
        set({ filter: { ...get().filter, ...change } });
        await restart(false);
      },
      setSort: async (sort) => {
        set({ sort });
        await restart(false);
      },
      setLayout: async (layout) => {
        const { caseId, layouts } = get();
        set({
          layout,
          layouts: caseId ? { ...layouts, [caseId]: layout } : layouts,
          parent: null,
          filter: { ...get().filter, parentId: '' },
        });
        await restart(false);
      },
      showChildren: async (parent) => {
        set({ parent, filter: { ...get().filter, parentId: parent?.id ?? '' } });
        await restart(false);
      },
      ensureRange,
      loadAll: async () => {
        if (!get().loaded && get().caseId) await fetchPage(0);
        await ensureRange(0, get().total - 1);
        return get().items.filter((i): i is ItemSummary => i !== undefined);
      },
      reload: async () => {
        await Promise.all([restart(true), loadLanguages()]);
      },
      focus: (index) => {
        const total = get().total;
        const focusedIndex = Math.min(Math.max(0, index), Math.max(0, total - 1));
        set({ focusedIndex, anchorIndex: focusedIndex });
      },
      extendTo: (index) => {
        const { anchorIndex, items, total } = get();
        const focusedIndex = Math.min(Math.max(0, index), Math.max(0, total - 1));
        set({ focusedIndex, selected: new Set(idsBetween(items, anchorIndex, focusedIndex)) });
      },
      toggle: (index) => {
        const item = get().items[index];
        if (!item) return;
        set({
          selected: toggled(get().selected, [item.id]),
          anchorIndex: index,
          focusedIndex: index,
        });
      },
      selectAll: async () => {
        const all = await get().loadAll();
        set({ selected: new Set(all.map((i) => i.id)) });
      },
      clearSelection: () => set({ selected: new Set() }),
      targets: () => {
        const { selected, items, focusedIndex } = get();
        return targetIds(selected, items[focusedIndex]?.id);
      },
      patch: (ids, change) => {
        const wanted = new Set(ids);
        const items = get().items.map((i) => (i && wanted.has(i.id) ? change(i) : i));
        set({ items });
      },
      indexOf: (itemId) => get().items.findIndex((i) => i?.id === itemId),
      setReturnFocus: (returnFocus) => set({ returnFocus }),
    };
  },
);

subscribe('items-changed', ({ ids, change }) => useEvidence.getState().patch(ids, change));
subscribe('matches-changed', () => {
  if (useEvidence.getState().caseId) void useEvidence.getState().reload();
});
subscribe('evidence-landed', ({ caseId }) => {
  if (useEvidence.getState().caseId === caseId) void useEvidence.getState().reload();
});
