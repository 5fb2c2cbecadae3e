// The case-wide search: every word of a case (names, text layers, headers, notes, tags, hash
// prefixes) through the core's search:query, with each hit's item (name, kind) for the result list.
// An answer to a query the reviewer has since changed is dropped.
import { defineStore, staleGuard } from '../../base/store.ts';
import { ClientError, invoke } from '../../ipc/client.ts';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import type { SearchHit } from '../../../shared/domain/written.ts';

/** Hits asked for: a page of results a reviewer reads, not the whole case. */
export const HIT_LIMIT = 200;

interface CaseSearchState {
  caseId: string | null;
  /** What is in the search box, searched after a pause in typing. */
  typed: string;
  /** The query the hits answer ('' while no search is shown). */
  query: string;
  hits: SearchHit[];
  items: Record<string, ItemSummary>;
  searching: boolean;
  error: ClientError | null;
  /** The hit the keyboard is on. */
  current: number;
}

interface CaseSearchActions {
  type: (typed: string) => void;
  search: (caseId: string, query: string) => Promise<void>;
  clear: () => void;
  move: (to: number) => void;
}

const idle = { query: '', hits: [], items: {}, searching: false, error: null, current: 0 };

export const useCaseSearch = defineStore<CaseSearchState, CaseSearchActions>(
  () => ({ caseId: null, typed: '', ...idle }),
  (set, get) => {
    let asked = 0;
    return {
      type: (typed) => set({ typed }),
      search: async (caseId, query) => {
        const q = query.trim();
        asked += 1;
        const at = asked;
        if (q === '') return set({ caseId, ...idle });
        set({ caseId, query: q, searching: true, error: null });
        const stale = staleGuard();
        try {
          const { hits } = await invoke('search:query', { caseId, query: q, limit: HIT_LIMIT });
          const known = get().caseId === caseId ? get().items : {};
          const missing = [...new Set(hits.map((h) => h.itemId))].filter((id) => !known[id]);
          const fetched = await Promise.all(missing.map((id) => invoke('items:get', { id })));
          if (stale() || at !== asked) return;
          const items = { ...known };
          for (const item of fetched) items[item.id] = item;
          set({ hits, items, searching: false, current: 0 });
        } catch (e) {
          if (stale() || at !== asked) return;
          const error = e instanceof ClientError ? e : new ClientError('INTERNAL', String(e));
          set({ hits: [], searching: false, error });
        }
      },
      clear: () => {
        asked += 1;
        set({ typed: '', ...idle });
      },
      move: (to) => {
        const last = get().hits.length - 1;
        set({ current: Math.min(Math.max(0, to), Math.max(0, last)) });
      },
    };
  },
);
