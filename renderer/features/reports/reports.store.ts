// The report ledger as the Reports screen sees it: every export, a search by hash, and recording
// the recipient's reference when it comes back.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { invoke } from '../../ipc/client.ts';
import type { ReportMatch, ReportRecord } from '../../../shared/domain/ledger.ts';

interface ReportsState {
  reports: ReportRecord[];
  loaded: boolean;
  /** The last search's matches, or null before any. */
  matches: ReportMatch[] | null;
}

interface ReportsActions {
  load: () => Promise<Outcome<ReportRecord[]>>;
  find: (hash: string) => Promise<Outcome<ReportMatch[]>>;
  setReference: (id: string, reference: string) => Promise<Outcome<ReportRecord>>;
}

export const useReports = defineStore<ReportsState, ReportsActions>(
  () => ({ reports: [], loaded: false, matches: null }),
  (set, get) => ({
    load: async () => {
      const outcome = await attempt(staleGuard(), () => invoke('reports:list', {}));
      if (outcome.ok) set({ reports: outcome.value, loaded: true });
      return outcome;
    },
    find: async (hash) => {
      const outcome = await attempt(staleGuard(), () => invoke('reports:find', { hash }));
      set({ matches: outcome.ok ? outcome.value : null });
      return outcome;
    },
    setReference: async (id, reference) => {
      const outcome = await attempt(staleGuard(), () =>
        invoke('reports:set-reference', { id, reference }),
      );
      if (outcome.ok) set({ reports: get().reports.map((r) => (r.id === id ? outcome.value : r)) });
      return outcome;
    },
  }),
);
