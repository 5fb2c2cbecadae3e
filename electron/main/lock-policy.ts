// When the app locks itself, as pure decisions; lock.ts binds them to powerMonitor and timers.
import type { LockReason } from '../../shared/domain/vault.ts';

export const DEFAULT_IDLE_LOCK_MINUTES = 5;
/** Often enough that a lock comes at most 15 s late, rare enough to cost nothing. */
export const IDLE_POLL_MS = 15_000;

export type SystemIdleState = 'active' | 'idle' | 'locked' | 'unknown';

/**
 * The reason to lock now, or null. 'locked' is the OS lock screen where Chromium can see it (the
 * only lock signal on Linux, which has no lock-screen event); otherwise idle time decides.
 */
export function idleLockReason(
  state: SystemIdleState,
  idleSeconds: number,
  idleMinutes: number,
): LockReason | null {
  if (state === 'locked') return 'system';
  if (state === 'idle' || idleSeconds >= idleMinutes * 60) return 'idle';
  return null;
}

/** Minutes from a setting, clamped to 1..240; anything unusable falls back to the default. */
export function idleMinutesFrom(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return DEFAULT_IDLE_LOCK_MINUTES;
  return Math.min(240, Math.max(1, Math.round(n)));
}
