// Checking the vault: the core reads the database and every stored file, which can take a while on
// a large vault, so the store says it is running and the screen keeps a second run from starting.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt } from '../../base/outcome.ts';
import { invoke, type ClientError } from '../../ipc/client.ts';
import type { VaultCheck } from '../../../shared/domain/vault.ts';

interface VaultCheckState {
  running: boolean;
  result: VaultCheck | null;
  /** The check itself could not run: shown in words by the section (describeError). */
  error: ClientError | null;
}

interface VaultCheckActions {
  run: () => Promise<void>;
}

export const useVaultCheck = defineStore<VaultCheckState, VaultCheckActions>(
  () => ({ running: false, result: null, error: null }),
  (set, get) => ({
    run: async () => {
      if (get().running) return;
      set({ running: true, result: null, error: null });
      const outcome = await attempt(staleGuard(), () => invoke('vault:check', {}));
      if (outcome.ok) set({ running: false, result: outcome.value });
      else set({ running: false, error: outcome.error });
    },
  }),
);
