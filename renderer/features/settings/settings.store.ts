// The reviewer's settings, read once per unlock. Until they arrive, the defaults apply: they are
// the cautious values (short reveals, greyscale step on, every grid veiled).
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { invoke } from '../../ipc/client.ts';
import { useLanguage } from '../../base/language.store.ts';
import { defaultSettings, type Settings } from '../../../shared/domain/settings.ts';

interface SettingsState {
  settings: Settings;
  loaded: boolean;
}

interface SettingsActions {
  load: () => Promise<void>;
  save: (patch: Partial<Settings>) => Promise<Outcome<Settings>>;
}

export const useSettings = defineStore<SettingsState, SettingsActions>(
  () => ({ settings: defaultSettings, loaded: false }),
  (set, get) => {
    const loaded = (settings: Settings) => {
      set({ settings, loaded: true });
      useLanguage.getState().chosen(settings.language, settings.localCalendar);
    };
    return {
      // Every screen that needs the settings asks; only the first ask of an unlock (or a retry after
      // a failed one) reaches main, since save() keeps the store current afterwards.
      load: async () => {
        if (get().loaded) return;
        const outcome = await attempt(staleGuard(), () => invoke('settings:get', {}));
        if (outcome.ok) loaded(outcome.value);
      },
      save: async (patch) => {
        const outcome = await attempt(staleGuard(), () => invoke('settings:set', patch));
        if (outcome.ok) loaded(outcome.value);
        return outcome;
      },
    };
  },
);
