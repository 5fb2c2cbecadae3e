import type { UnlockedVault } from '../vault/vault.ts';
import { defaultSettings, settingsSchema, type Settings } from '../../../shared/domain/settings.ts';

const KEY = 'reviewer_settings';

/** The reviewer's settings, with defaults for anything unset or from an older version. */
export function readSettings(vault: UnlockedVault): Settings {
  const raw = vault.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as
    string | undefined;
  const parsed = settingsSchema.safeParse({
    ...defaultSettings,
    ...(raw ? (JSON.parse(raw) as object) : {}),
  });
  return parsed.success ? parsed.data : { ...defaultSettings };
}

export function writeSettings(
  vault: UnlockedVault,
  patch: { [K in keyof Settings]?: Settings[K] | undefined },
): Settings {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next = settingsSchema.parse({ ...readSettings(vault), ...defined });
  vault.db
    .prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)')
    .run(KEY, JSON.stringify(next));
  return next;
}
