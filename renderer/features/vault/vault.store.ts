// The vault's state as the renderer knows it. Locking clears every store first, then shows the
// lock screen: nothing from a case stays in memory or in the DOM behind it.
import { defineStore, resetAllStores, staleGuard } from '../../base/store.ts';
import { ClientError, invoke, isConnected, onVaultLocked } from '../../ipc/client.ts';
import { rememberLockReason, takeLockReason, type LockReason } from './lock-reason.ts';

export type VaultStatus = 'unknown' | 'unreachable' | 'absent' | 'locked' | 'unlocked';
export type { LockReason };

interface VaultState {
  status: VaultStatus;
  busy: boolean;
  error: ClientError | null;
  lockReason: LockReason | null;
}

interface VaultActions {
  refresh: () => Promise<void>;
  /** `reviewerName`: who reviews here; every custody entry carries it. */
  create: (passphrase: string, reviewerName: string) => Promise<boolean>;
  unlock: (passphrase: string) => Promise<boolean>;
  lock: () => Promise<void>;
  /** The vault was locked elsewhere (main's idle timer, the OS, a refused call). */
  lockedElsewhere: (reason: LockReason) => void;
  clearError: () => void;
}

function asClientError(e: unknown): ClientError {
  return e instanceof ClientError ? e : new ClientError('INTERNAL', 'Something went wrong.');
}

export const useVault = defineStore<VaultState, VaultActions>(
  () => ({ status: 'unknown', busy: false, error: null, lockReason: null }),
  (set, get) => {
    const enter = async (
      channel: 'vault:create' | 'vault:unlock',
      passphrase: string,
      reviewerName?: string,
    ) => {
      set({ busy: true, error: null });
      try {
        const { state } =
          channel === 'vault:create' && reviewerName !== undefined
            ? await invoke(channel, { passphrase, reviewerName })
            : await invoke(channel, { passphrase });
        takeLockReason(); // a reason heard before this unlock is history now
        set({ status: state, busy: false, lockReason: null });
        return state === 'unlocked';
      } catch (e) {
        set({ busy: false, error: asClientError(e) });
        return false;
      }
    };
    const showLocked = (reason: LockReason) => {
      resetAllStores();
      set({ status: 'locked', lockReason: reason });
    };
    return {
      refresh: async () => {
        if (!isConnected()) {
          set({ status: 'unreachable' });
          return;
        }
        const stale = staleGuard();
        try {
          const { state } = await invoke('vault:status', {});
          const remembered = takeLockReason();
          if (stale()) return;
          const lockReason = state === 'locked' ? (remembered ?? get().lockReason) : null;
          set({ status: state, lockReason });
        } catch (e) {
          set({ status: 'unreachable', error: asClientError(e) });
        }
      },
      create: (passphrase, reviewerName) => enter('vault:create', passphrase, reviewerName),
      unlock: (passphrase) => enter('vault:unlock', passphrase),
      lock: async () => {
        // Hide first: the screen must be clear the moment the person asks, not when main answers.
        showLocked('user');
        try {
          await invoke('vault:lock', {});
        } catch (e) {
          set({ error: asClientError(e) });
        }
        await get().refresh();
      },
      lockedElsewhere: (reason) => {
        if (get().status !== 'unlocked') return;
        rememberLockReason(reason);
        showLocked(reason);
      },
      clearError: () => set({ error: null }),
    };
  },
);

/** Wires main's lock event to the store; returns the unsubscribe. */
export function listenForLock(): () => void {
  return onVaultLocked(({ reason }) => useVault.getState().lockedElsewhere(reason));
}
