// Main reloads the window on every lock (electron/main/lock.ts), so the reason heard in the
// 'vault:locked' event must outlive the page to be shown on the fresh unlock screen. Only the word
// ('idle', 'system') is kept, for this tab, and read once.
import type { EventPayload } from '../../../shared/contract/index.ts';

export type LockReason = EventPayload<'vault:locked'>['reason'];

const KEY = 'custody.lock-reason';
const reasons: readonly LockReason[] = ['user', 'idle', 'system', 'shutdown'];

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
    return reasons.find((r) => r === stored) ?? null;
  } catch {
    return null;
  }
}
