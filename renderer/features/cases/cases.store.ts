// Cases as the renderer holds them while the vault is unlocked. A lock empties this store
// (resetAllStores), and results of calls still in flight at that moment are dropped.
import { defineStore, staleGuard } from '../../app/store.ts';
import { ClientError, invoke } from '../../ipc/client.ts';
import type { Case, CaseFields, CaseUpdate } from '../../../shared/domain/case.ts';
import { defaultFilters, type CaseFilters } from './case-filter.ts';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ClientError };

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

const locked = new ClientError('VAULT_LOCKED', 'The vault is locked.');

function fail(e: unknown): { ok: false; error: ClientError } {
  return {
    ok: false,
    error: e instanceof ClientError ? e : new ClientError('INTERNAL', String(e)),
  };
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
        if (stale()) return { ok: false, error: locked };
        const others = get().cases.filter((c) => c.id !== value.id);
        set({ cases: [...others, value] });
        return { ok: true, value };
      } catch (e) {
        return fail(e);
      }
    };
    return {
      load: async () => {
        const stale = staleGuard();
        try {
          const cases = await invoke('cases:list', {});
          if (!stale()) set({ cases, loaded: true, loadError: null });
        } catch (e) {
          if (!stale()) set({ loadError: fail(e).error });
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
          if (stale()) return { ok: false, error: locked };
          set({
            cases: get().cases.filter((c) => c.id !== id),
            selectedId: get().selectedId === id ? null : get().selectedId,
          });
          return { ok: true, value: true };
        } catch (e) {
          return fail(e);
        }
      },
      setFilters: (change) => set({ filters: { ...get().filters, ...change } }),
      resetFilters: () => set({ filters: { ...defaultFilters, query: get().filters.query } }),
      select: (selectedId) => set({ selectedId }),
      setNotice: (notice) => set({ notice }),
    };
  },
);
