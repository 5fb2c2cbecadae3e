// Main reloads the window on every lock (electron/main/lock.ts), so the reason heard in the
// 'vault:locked' event must outlive the page to be shown on the fresh unlock screen. Only the word
// ('idle', 'system') is kept, for this tab, and read once.
import { lockReasons, type LockReason } from '../../../shared/domain/vault.ts';

export type { LockReason };

const KEY = 'custody.lock-reason';

export function rememberLockReason(reason: LockReason): void {
  try {
    sessionStorage.setItem(KEY, reason);
  } catch {
    // Storage refused: the unlock screen shows its generic line instead.
  }
}

export function takeLockReason(): LockReason | null {
  try {
    const stored = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return lockReasons.find((r) => r === stored) ?? null;
  } catch {
    return null;
  }
}
