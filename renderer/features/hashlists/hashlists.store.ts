// The hash lists of the vault and the last import's report; matches of the item in view. The core
// decides every effect of a list (what matches, what stays veiled); this store only asks and shows.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { invoke } from '../../ipc/client.ts';
import type { HashList, HashListImport, HashMatch } from '../../../shared/domain/hashlist.ts';

interface HashListsState {
  lists: HashList[];
  importing: boolean;
  /** The last import's report (skipped lines with their numbers), or its refusal. */
  report: Outcome<HashListImport> | null;
  /** The item in view: its matches and why it stays veiled (null when it may be unveiled). */
  itemId: string | null;
  matches: HashMatch[];
  blocked: string | null;
}

interface HashListsActions {
  load: () => Promise<void>;
  /** Asks main's file dialog for a list, then imports it under `name`; null when cancelled. */
  pickAndImport: (options: {
    name: string;
    knownIllegal: boolean;
    negative: boolean;
  }) => Promise<void>;
  setEnabled: (id: string, enabled: boolean) => Promise<void>;
  remove: (id: string) => Promise<void>;
  loadItem: (itemId: string) => Promise<void>;
  review: (matchId: number, verdict: 'confirmed' | 'rejected') => Promise<void>;
}

export const useHashLists = defineStore<HashListsState, HashListsActions>(
  () => ({ lists: [], importing: false, report: null, itemId: null, matches: [], blocked: null }),
  (set, get) => ({
    load: async () => {
      const outcome = await attempt(staleGuard(), () => invoke('hashlists:list', {}));
      if (outcome.ok) set({ lists: outcome.value });
    },
    pickAndImport: async ({ name, knownIllegal, negative }) => {
      const picked = await attempt(staleGuard(), () => invoke('hashlists:pick', {}));
      if (!picked.ok || !picked.value.file) return;
      const file = picked.value.file.handle;
      set({ importing: true, report: null });
      const report = await attempt(staleGuard(), () =>
        invoke('hashlists:import', { file, name, knownIllegal, negative }),
      );
      set({ importing: false, report });
      await get().load();
    },
    setEnabled: async (id, enabled) => {
      await attempt(staleGuard(), () => invoke('hashlists:set-enabled', { id, enabled }));
      await get().load();
    },
    remove: async (id) => {
      await attempt(staleGuard(), () => invoke('hashlists:remove', { id }));
      await get().load();
    },
    loadItem: async (itemId) => {
      set({ itemId, matches: [], blocked: null });
      const guard = staleGuard();
      const [matches, blocked] = await Promise.all([
        attempt(guard, () => invoke('hashlists:matches', { itemId })),
        attempt(guard, () => invoke('hashlists:blocked', { itemId })),
      ]);
      if (get().itemId !== itemId) return;
      set({
        matches: matches.ok ? matches.value : [],
        blocked: blocked.ok ? blocked.value.reason : null,
      });
    },
    review: async (matchId, verdict) => {
      await attempt(staleGuard(), () => invoke('hashlists:review', { matchId, verdict }));
      const itemId = get().itemId;
      if (itemId) await get().loadItem(itemId);
    },
  }),
);
