// The reviewer's own exposure: seconds and items unveiled today and this session, as the custody
// log counts them. Refreshed on every reveal event and every few seconds while something is
// unveiled; a gentle break prompt once today's unveiled minutes pass the reviewer's threshold.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt } from '../../base/outcome.ts';
import { invoke } from '../../ipc/client.ts';
import type { Exposure } from '../../../shared/domain/triage.ts';
import { subscribe } from '../../base/store-events.ts';
import { breakDue, rememberBreakSeen } from './break-prompt.ts';

interface ExposureState {
  exposure: Exposure | null;
  /** The break prompt is showing. */
  breakPrompt: boolean;
}

interface ExposureActions {
  refresh: () => Promise<void>;
  /** Checks the threshold (minutes) against today's exposure. */
  checkBreak: (thresholdMinutes: number) => void;
  dismissBreak: (thresholdMinutes: number) => void;
}

export const useExposure = defineStore<ExposureState, ExposureActions>(
  () => ({ exposure: null, breakPrompt: false }),
  (set, get) => ({
    refresh: async () => {
      const outcome = await attempt(staleGuard(), () => invoke('exposure:get', {}));
      if (outcome.ok) set({ exposure: outcome.value });
    },
    checkBreak: (thresholdMinutes) => {
      const e = get().exposure;
      if (!e || get().breakPrompt) return;
      if (breakDue(e.todaySeconds, thresholdMinutes, new Date())) set({ breakPrompt: true });
    },
    dismissBreak: (thresholdMinutes) => {
      const e = get().exposure;
      if (e) rememberBreakSeen(e.todaySeconds, thresholdMinutes, new Date());
      set({ breakPrompt: false });
    },
  }),
);

subscribe('exposure-changed', () => void useExposure.getState().refresh());
