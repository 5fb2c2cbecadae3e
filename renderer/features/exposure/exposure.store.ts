// The reviewer's own exposure: seconds and items unveiled today and this session, as the custody
// log counts them. Refreshed on every reveal event and every few seconds while something is
// unveiled; a gentle break prompt once today's unveiled minutes pass the reviewer's threshold.
import { defineStore, staleGuard } from '../../app/store.ts';
import { attempt } from '../../app/outcome.ts';
import { invoke } from '../../ipc/client.ts';
import type { Exposure } from '../../../shared/domain/triage.ts';
import { useVault } from '../vault/vault.store.ts';
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
      // Asked while locked, the core would refuse, and a refusal arriving after the next unlock
      // would lock the screen again.
      if (useVault.getState().status !== 'unlocked') return;
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
