// The text view's data: the item's text layer as the core gives it (optionally re-read in another
// encoding), and its child items. Answers for an item the reviewer has left are dropped.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { invoke, type ClientError } from '../../ipc/client.ts';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import type { ItemText } from '../../../shared/domain/written.ts';

interface ReadingState {
  itemId: string | null;
  text: ItemText | null;
  children: ItemSummary[];
  error: ClientError | null;
}

interface ReadingActions {
  open: (caseId: string, itemId: string, encoding?: string) => Promise<void>;
  /** Adds a note on the item quoting its lines; the body is written by the caller. */
  quote: (itemId: string, body: string) => Promise<Outcome<void>>;
}

export const useReading = defineStore<ReadingState, ReadingActions>(
  () => ({ itemId: null, text: null, children: [], error: null }),
  (set, get) => ({
    open: async (caseId, itemId, encoding) => {
      if (get().itemId !== itemId) set({ itemId, text: null, children: [], error: null });
      const stale = staleGuard();
      const [text, children] = await Promise.all([
        attempt(stale, () =>
          invoke('items:text', encoding === undefined ? { itemId } : { itemId, encoding }),
        ),
        attempt(stale, () =>
          invoke('items:list', { caseId, filter: { parentId: itemId }, limit: 500 }),
        ),
      ]);
      if (stale() || get().itemId !== itemId) return;
      set({
        text: text.ok ? text.value : get().text,
        children: children.ok ? children.value.items : [],
        error: text.ok ? null : text.error,
      });
    },
    quote: async (itemId, body) => {
      const stale = staleGuard();
      const added = await attempt(stale, () => invoke('notes:add', { itemId, body }));
      return added.ok ? { ok: true, value: undefined } : added;
    },
  }),
);
