// Which language the interface speaks. Before unlock: the last one chosen in this vault (a plain
// file beside vault.json, asked through settings:interface-language), else the OS's. After unlock:
// the vault's own setting. Kept across a lock, since the lock screen must keep speaking it.
import { defineStore } from './store.ts';
import { invoke } from '../ipc/client.ts';
import type { LanguageChoice } from '../../shared/domain/settings.ts';
import { matchLanguage, type InterfaceLanguage } from '../../shared/i18n/languages.ts';
import { PSEUDO_LOCALE } from './pseudo-locale.ts';

interface LanguageState {
  /** The reviewer's choice, once known; null until then ('system' until then, in effect). */
  choice: LanguageChoice | null;
  /** Evidence dates in the language's own calendar and digits (settings.localCalendar). */
  localCalendar: boolean;
}

interface LanguageActions {
  /** Asks for the last choice; called once at start, before the vault is unlocked. */
  loadLast: () => Promise<void>;
  chosen: (choice: LanguageChoice, localCalendar: boolean) => void;
}

export const useLanguage = defineStore<LanguageState, LanguageActions>(
  () => ({ choice: null, localCalendar: false }),
  (set, get) => ({
    loadLast: async () => {
      try {
        const { language } = await invoke('settings:interface-language', {});
        // The vault's settings, if they arrived meanwhile, win.
        if (language && get().choice === null) set({ choice: language });
      } catch {
        // Unreachable core: the OS language serves, and the gate says what is wrong.
      }
    },
    chosen: (choice, localCalendar) => set({ choice, localCalendar }),
  }),
  { keptOnLock: true },
);

export type Locale = InterfaceLanguage | typeof PSEUDO_LOCALE;

/** The locale to render: the choice, or for 'system' the OS's first language we speak. */
export function resolveLocale(choice: LanguageChoice | null, preferred: readonly string[]): Locale {
  if (choice && choice !== 'system') return choice;
  if (preferred[0] === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  return matchLanguage(preferred);
}
