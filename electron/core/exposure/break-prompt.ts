// When to suggest a break: each time today's unveiled time passes another multiple of the
// reviewer's threshold. What was already suggested today is kept in the vault (a day and a count,
// nothing about the evidence), so dismissing it holds for every window, every lock and every
// restart, not just the window it was dismissed in.
import type { UnlockedVault } from '../vault/vault.ts';
import type { Exposure } from '../../../shared/domain/triage.ts';
import { readSettings } from '../settings/settings.service.ts';

const KEY = 'break_seen';

interface Seen {
  day: string;
  multiple: number;
}

const dayOf = (now: Date) =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** How many whole thresholds today's unveiled time has passed. */
export function multiplesPassed(todaySeconds: number, thresholdMinutes: number): number {
  if (thresholdMinutes <= 0) return 0;
  return Math.floor(todaySeconds / (thresholdMinutes * 60));
}

function seenToday(vault: UnlockedVault, now: Date): number {
  const raw = vault.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as
    string | undefined;
  if (!raw) return 0;
  try {
    const seen = JSON.parse(raw) as Partial<Seen>;
    return seen.day === dayOf(now) && typeof seen.multiple === 'number' ? seen.multiple : 0;
  } catch {
    return 0;
  }
}

export function breakDue(
  vault: UnlockedVault,
  todaySeconds: number,
  thresholdMinutes: number,
  now = new Date(),
): boolean {
  return multiplesPassed(todaySeconds, thresholdMinutes) > seenToday(vault, now);
}

/** The reviewer saw the prompt for today's exposure so far: the next comes a threshold later. */
export function dismissBreak(
  vault: UnlockedVault,
  todaySeconds: number,
  thresholdMinutes: number,
  now = new Date(),
): void {
  const seen: Seen = { day: dayOf(now), multiple: multiplesPassed(todaySeconds, thresholdMinutes) };
  vault.db
    .prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)')
    .run(KEY, JSON.stringify(seen));
}

/** Exposure as the reviewer sees it: the numbers, and whether to suggest a break now. */
export function withBreak(
  vault: UnlockedVault,
  exposure: Exposure,
): Exposure & { breakDue: boolean } {
  const threshold = readSettings(vault).exposureBreakMinutes;
  return { ...exposure, breakDue: breakDue(vault, exposure.todaySeconds, threshold) };
}

/** Dismisses the prompt for today's exposure so far; returns the exposure with breakDue false. */
export function dismissBreakFor(
  vault: UnlockedVault,
  exposure: Exposure,
): Exposure & { breakDue: boolean } {
  dismissBreak(vault, exposure.todaySeconds, readSettings(vault).exposureBreakMinutes);
  return withBreak(vault, exposure);
}
