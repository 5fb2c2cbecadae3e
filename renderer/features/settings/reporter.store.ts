// The vault's reporter profile, which the CyberTipline draft names as its reporter.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { invoke } from '../../ipc/client.ts';
import type { ReporterProfile } from '../../../shared/domain/reporter.ts';

interface ReporterState {
  loaded: boolean;
  profile: ReporterProfile | null;
}

interface ReporterActions {
  load: () => Promise<void>;
  save: (profile: ReporterProfile) => Promise<Outcome<ReporterProfile>>;
}

export const useReporter = defineStore<ReporterState, ReporterActions>(
  () => ({ loaded: false, profile: null }),
  (set) => ({
    load: async () => {
      const outcome = await attempt(staleGuard(), () => invoke('exports:reporter-get', {}));
      if (outcome.ok) set({ loaded: true, profile: outcome.value.profile });
    },
    save: async (profile) => {
      const outcome = await attempt(staleGuard(), () => invoke('exports:reporter-set', profile));
      if (outcome.ok) set({ profile: outcome.value });
      return outcome;
    },
  }),
);
