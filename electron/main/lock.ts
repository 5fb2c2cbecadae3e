// Auto-lock: OS suspend, OS lock screen, fast user switch, idle time and the menu's Lock all end in
// core.lock(reason), which wipes the keys and emits 'vault:locked' (core-events.ts forwards it,
// so the renderer drops its stores at once). Then the window's content goes with the keys: the
// window reloads. A reload throws away the whole document, so no decoded image, DOM node or JS
// object of the unlocked session survives, even if the renderer is buggy, hung or compromised; the
// fresh document asks vault:status, hears 'locked', and shows the unlock screen. It needs no
// renderer cooperation and no second window, which is why it beats an overlay or hide()/show().
import { powerMonitor, type BrowserWindow } from 'electron';
import type { CustodyCore } from '../core/core.ts';
import { idleLockReason, IDLE_POLL_MS } from './lock-policy.ts';
import type { LockReason } from '../../shared/domain/vault.ts';
import { log } from './log.ts';

export interface AutoLock {
  lock(reason: LockReason): void;
  /** The reviewer's auto-lock setting, applied on unlock and whenever it changes. */
  setIdleMinutes(minutes: number): void;
  stop(): void;
}

export function startAutoLock(
  core: CustodyCore,
  mainWindow: () => BrowserWindow | null,
  idleMinutes: number,
): AutoLock {
  const lock = (reason: LockReason): void => core.lock(reason);

  const onLocked = ({ reason }: { reason: LockReason }): void => {
    log.info('vault.locked', { reason });
    const win = mainWindow();
    // On quit the window is going anyway; reloading it would only delay the exit.
    if (reason === 'shutdown' || !win || win.isDestroyed()) return;
    win.webContents.reload();
  };
  core.events.on('vault:locked', onLocked);

  const onSuspend = (): void => lock('system');
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('lock-screen', onSuspend);
  powerMonitor.on('user-did-resign-active', onSuspend);

  let minutes = idleMinutes;
  const poll = setInterval(() => {
    const reason = idleLockReason(
      powerMonitor.getSystemIdleState(minutes * 60),
      powerMonitor.getSystemIdleTime(),
      minutes,
    );
    if (reason) lock(reason);
  }, IDLE_POLL_MS);

  return {
    lock,
    setIdleMinutes(next) {
      minutes = next;
    },
    stop() {
      clearInterval(poll);
      core.events.off('vault:locked', onLocked);
      powerMonitor.off('suspend', onSuspend);
      powerMonitor.off('lock-screen', onSuspend);
      powerMonitor.off('user-did-resign-active', onSuspend);
    },
  };
}
