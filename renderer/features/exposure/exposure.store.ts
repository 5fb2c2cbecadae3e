// The reviewer's own exposure: seconds and items unveiled today and this session, as the custody
// log counts them. Refreshed on every reveal event and every few seconds while something is
// unveiled. The core says when a break is due and remembers a dismissal in the vault, so the
// prompt does not come back in a fresh window or after a lock.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt } from '../../base/outcome.ts';
import { subscribe } from '../../base/store-events.ts';
import { invoke } from '../../ipc/client.ts';
import type { Response } from '../../../shared/contract/index.ts';

export type ExposureState = Response<'exposure:get'>;

interface ExposureStoreState {
  exposure: ExposureState | null;
  /** The break prompt is showing. */
  breakPrompt: boolean;
}

interface ExposureActions {
  refresh: () => Promise<void>;
  dismissBreak: () => Promise<void>;
}

// An answer asked for before the latest dismissal may still say the break is due: not again.
let dismissals = 0;

export const useExposure = defineStore<ExposureStoreState, ExposureActions>(
  () => ({ exposure: null, breakPrompt: false }),
  (set, get) => ({
    refresh: async () => {
      const at = dismissals;
      const outcome = await attempt(staleGuard(), () => invoke('exposure:get', {}));
      if (!outcome.ok) return;
      const due = outcome.value.breakDue && at === dismissals;
      set({ exposure: outcome.value, breakPrompt: get().breakPrompt || due });
    },
    dismissBreak: async () => {
      dismissals += 1;
      set({ breakPrompt: false });
      const outcome = await attempt(staleGuard(), () => invoke('exposure:dismiss-break', {}));
      if (outcome.ok) set({ exposure: outcome.value });
    },
  }),
);

subscribe('exposure-changed', () => void useExposure.getState().refresh());
