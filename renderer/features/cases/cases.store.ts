// Cases as the renderer holds them while the vault is unlocked. A lock empties this store
// (resetAllStores), and results of calls still in flight at that moment are dropped.
import { defineStore, staleGuard } from '../../base/store.ts';
import { failure, lockedError, type Outcome } from '../../base/outcome.ts';
import { subscribe } from '../../base/store-events.ts';
import { invoke, type ClientError } from '../../ipc/client.ts';
import type { Case, CaseFields, CaseUpdate } from '../../../shared/domain/case.ts';
import { defaultFilters, type CaseFilters } from './case-filter.ts';

interface CasesState {
  cases: Case[];
  loaded: boolean;
  loadError: ClientError | null;
  filters: CaseFilters;
  /** The case the list's keyboard selection is on. */
  selectedId: string | null;
  /** A short message for the list after leaving a case, e.g. that it was destroyed. */
  notice: string | null;
}

interface CasesActions {
  load: () => Promise<void>;
  create: (fields: CaseFields) => Promise<Outcome<Case>>;
  update: (update: CaseUpdate) => Promise<Outcome<Case>>;
  close: (id: string) => Promise<Outcome<Case>>;
  reopen: (id: string) => Promise<Outcome<Case>>;
  destroy: (id: string) => Promise<Outcome<true>>;
  setFilters: (change: Partial<CaseFilters>) => void;
  resetFilters: () => void;
  select: (id: string | null) => void;
  setNotice: (notice: string | null) => void;
}

export const useCases = defineStore<CasesState, CasesActions>(
  () => ({
    cases: [],
    loaded: false,
    loadError: null,
    filters: defaultFilters,
    selectedId: null,
    notice: null,
  }),
  (set, get) => {
    /** Runs a call that returns a case and puts the fresh case into the list. */
    const withCase = async (call: () => Promise<Case>): Promise<Outcome<Case>> => {
      const stale = staleGuard();
      try {
        const value = await call();
        if (stale()) return { ok: false, error: lockedError() };
        const others = get().cases.filter((c) => c.id !== value.id);
        set({ cases: [...others, value] });
        return { ok: true, value };
      } catch (e) {
        return failure(e);
      }
    };
    return {
      load: async () => {
        const stale = staleGuard();
        try {
          const cases = await invoke('cases:list', {});
          if (!stale()) set({ cases, loaded: true, loadError: null });
        } catch (e) {
          if (!stale()) set({ loadError: failure(e).error });
        }
      },
      create: (fields) => withCase(() => invoke('cases:create', fields)),
      update: (update) => withCase(() => invoke('cases:update', update)),
      close: (id) => withCase(() => invoke('cases:close', { id })),
      reopen: (id) => withCase(() => invoke('cases:reopen', { id })),
      destroy: async (id) => {
        const stale = staleGuard();
        try {
          await invoke('cases:destroy', { id });
          if (stale()) return { ok: false, error: lockedError() };
          set({
            cases: get().cases.filter((c) => c.id !== id),
            selectedId: get().selectedId === id ? null : get().selectedId,
          });
          return { ok: true, value: true };
        } catch (e) {
          return failure(e);
        }
      },
      setFilters: (change) => set({ filters: { ...get().filters, ...change } }),
      resetFilters: () => set({ filters: { ...defaultFilters, query: get().filters.query } }),
      select: (selectedId) => set({ selectedId }),
      setNotice: (notice) => set({ notice }),
    };
  },
);

// Item counts and "last changed" move when an ingest finishes.
subscribe('evidence-landed', ({ finished }) => {
  if (finished) void useCases.getState().load();
});
