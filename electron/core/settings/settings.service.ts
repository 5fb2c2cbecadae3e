import type { EventEmitter } from 'node:events';
import type { UnlockedVault } from '../vault/vault.ts';
import type { CoreEvents } from '../events.ts';
import {
  defaultSettings,
  settingsSchema,
  type LanguageChoice,
  type Settings,
} from '../../../shared/domain/settings.ts';
import { readInterfaceLanguage, writeInterfaceLanguage } from './interface-language.ts';

const KEY = 'reviewer_settings';

/** The reviewer's settings, with defaults for anything unset or from an older version. */
export function readSettings(vault: UnlockedVault): Settings {
  const raw = vault.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as
    string | undefined;
  const stored = (raw ? JSON.parse(raw) : {}) as Partial<Settings>;
  // A case kind added after the settings were saved takes its default, not a reset of them all.
  const parsed = settingsSchema.safeParse({
    ...defaultSettings,
    ...stored,
    textGate: { ...defaultSettings.textGate, ...stored.textGate },
  });
  return parsed.success ? parsed.data : { ...defaultSettings };
}

export type SettingsPatch = { [K in keyof Settings]?: Settings[K] | undefined };

export function writeSettings(vault: UnlockedVault, patch: SettingsPatch): Settings {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next = settingsSchema.parse({ ...readSettings(vault), ...defined });
  vault.db
    .prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)')
    .run(KEY, JSON.stringify(next));
  return next;
}

/** `core.settings`: one route to read and change them; every change is announced as 'settings:changed'. */
export class SettingsService {
  readonly #vault: () => UnlockedVault;
  readonly #events: EventEmitter<CoreEvents>;
  readonly #vaultDir: string;
  constructor(vault: () => UnlockedVault, events: EventEmitter<CoreEvents>, vaultDir: string) {
    this.#vault = vault;
    this.#events = events;
    this.#vaultDir = vaultDir;
  }
  get = (): Settings => readSettings(this.#vault());
  set = async (patch: SettingsPatch): Promise<Settings> => {
    const next = writeSettings(this.#vault(), patch);
    if (patch.language !== undefined) await writeInterfaceLanguage(this.#vaultDir, next.language);
    this.#events.emit('settings:changed', next);
    return next;
  };
  /** Readable while locked: the language the lock screen speaks (see interface-language.ts). */
  lastLanguage = (): Promise<LanguageChoice | null> => readInterfaceLanguage(this.#vaultDir);
}
