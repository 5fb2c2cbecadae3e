// The hash lists of the vault and the last import's report; matches of the item in view. The core
// decides every effect of a list (what matches, what stays veiled); this store only asks and shows.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { announce } from '../../base/store-events.ts';
import { invoke, on } from '../../ipc/client.ts';
import type {
  HashList,
  HashListFormat,
  HashListImport,
  HashMatch,
  RevealBlock,
  SimilarGroup,
} from '../../../shared/domain/hashlist.ts';

interface HashListsState {
  lists: HashList[];
  importing: boolean;
  /** Lines of the file read so far while importing (the core reports every 10,000). */
  linesRead: number;
  /** The last import's report (skipped lines with their numbers), or its refusal. */
  report: Outcome<HashListImport> | null;
  /** The item in view: its matches and why it stays veiled (null when it may be unveiled). */
  itemId: string | null;
  matches: HashMatch[];
  blocked: RevealBlock | null;
  /** Near-duplicate groups of the case `similarCase` (the item view shows the item's group). */
  similarCase: string | null;
  similar: SimilarGroup[];
}

interface HashListsActions {
  load: () => Promise<void>;
  /** Asks main's file dialog for a list, then imports it under `name`; null when cancelled. */
  pickAndImport: (options: {
    name: string;
    format: HashListFormat | 'auto';
    knownIllegal: boolean;
    negative: boolean;
  }) => Promise<void>;
  setEnabled: (id: string, enabled: boolean) => Promise<void>;
  remove: (id: string) => Promise<void>;
  loadItem: (itemId: string) => Promise<void>;
  review: (matchId: number, verdict: 'confirmed' | 'rejected') => Promise<void>;
  loadSimilar: (caseId: string) => Promise<void>;
}

export const useHashLists = defineStore<HashListsState, HashListsActions>(
  () => ({
    lists: [],
    importing: false,
    linesRead: 0,
    report: null,
    itemId: null,
    matches: [],
    blocked: null,
    similarCase: null,
    similar: [],
  }),
  (set, get) => ({
    load: async () => {
      const outcome = await attempt(staleGuard(), () => invoke('hashlists:list', {}));
      if (outcome.ok) set({ lists: outcome.value });
    },
    pickAndImport: async ({ name, format, knownIllegal, negative }) => {
      const picked = await attempt(staleGuard(), () => invoke('hashlists:pick', {}));
      if (!picked.ok || !picked.value.file) return;
      const file = picked.value.file.handle;
      set({ importing: true, linesRead: 0, report: null });
      const stop = on('hashlists:progress', (p) => {
        if (p.name === name) set({ linesRead: p.lines });
      });
      const report = await attempt(staleGuard(), () =>
        invoke('hashlists:import', { file, name, format, knownIllegal, negative }),
      );
      stop();
      set({ importing: false, report });
      if (report.ok) announce('matches-changed', {});
      await get().load();
    },
    setEnabled: async (id, enabled) => {
      const done = await attempt(staleGuard(), () =>
        invoke('hashlists:set-enabled', { id, enabled }),
      );
      if (done.ok) announce('matches-changed', {});
      await get().load();
    },
    remove: async (id) => {
      const done = await attempt(staleGuard(), () => invoke('hashlists:remove', { id }));
      if (done.ok) announce('matches-changed', {});
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
        blocked: blocked.ok ? blocked.value.block : null,
      });
    },
    loadSimilar: async (caseId) => {
      const groups = await attempt(staleGuard(), () => invoke('hashlists:similar', { caseId }));
      if (groups.ok) set({ similarCase: caseId, similar: groups.value });
    },
    review: async (matchId, verdict) => {
      const done = await attempt(staleGuard(), () =>
        invoke('hashlists:review', { matchId, verdict }),
      );
      if (done.ok) announce('matches-changed', {});
      const itemId = get().itemId;
      if (itemId) await get().loadItem(itemId);
    },
  }),
);
