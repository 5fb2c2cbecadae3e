// The text view's data: the item's text layer as the core gives it (optionally re-read in another
// encoding), and its child items. Answers for an item the reviewer has left are dropped. The core's
// text gate decides whether the text may be read: a gated text is not even asked for until the
// reviewer takes the step, and it goes when the core closes it ('reveal:text-closed').
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { invoke, on, type ClientError } from '../../ipc/client.ts';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import type { ItemText, TextGateState } from '../../../shared/domain/written.ts';

interface ReadingState {
  itemId: string | null;
  text: ItemText | null;
  /** The item's text gate; closed (open false) means the text is behind its step. */
  gate: TextGateState | null;
  children: ItemSummary[];
  error: ClientError | null;
}

interface ReadingActions {
  open: (caseId: string, itemId: string, encoding?: string) => Promise<void>;
  /** The deliberate step past the gate: the core logs it, then the text is read. */
  reveal: (caseId: string, itemId: string) => Promise<void>;
  /** The core closed the item's gated text: drop it from the screen. */
  closedByCore: (itemId: string) => void;
  /** Adds a note on the item quoting its lines; the body is written by the caller. */
  quote: (itemId: string, body: string) => Promise<Outcome<void>>;
}

export const useReading = defineStore<ReadingState, ReadingActions>(
  () => ({ itemId: null, text: null, gate: null, children: [], error: null }),
  (set, get) => ({
    open: async (caseId, itemId, encoding) => {
      if (get().itemId !== itemId)
        set({ itemId, text: null, gate: null, children: [], error: null });
      const stale = staleGuard();
      const [gate, children] = await Promise.all([
        attempt(stale, () => invoke('items:text-gate', { itemId })),
        attempt(stale, () =>
          invoke('items:list', { caseId, filter: { parentId: itemId }, limit: 500 }),
        ),
      ]);
      if (stale() || get().itemId !== itemId) return;
      set({ children: children.ok ? children.value.items : [] });
      if (!gate.ok) return set({ error: gate.error });
      set({ gate: gate.value });
      if (!gate.value.open) return set({ text: null, error: null });
      const text = await attempt(stale, () =>
        invoke('items:text', encoding === undefined ? { itemId } : { itemId, encoding }),
      );
      if (stale() || get().itemId !== itemId) return;
      set({ text: text.ok ? text.value : get().text, error: text.ok ? null : text.error });
    },
    reveal: async (caseId, itemId) => {
      const stale = staleGuard();
      const revealed = await attempt(stale, () => invoke('items:reveal-text', { itemId }));
      if (stale() || get().itemId !== itemId) return;
      if (!revealed.ok) return set({ error: revealed.error });
      await get().open(caseId, itemId);
    },
    closedByCore: (itemId) => {
      const { gate } = get();
      if (get().itemId !== itemId || !gate || gate.gatedBy === null) return;
      set({ text: null, gate: { ...gate, open: false } });
    },
    quote: async (itemId, body) => {
      const stale = staleGuard();
      const added = await attempt(stale, () => invoke('notes:add', { itemId, body }));
      return added.ok ? { ok: true, value: undefined } : added;
    },
  }),
);

/** Follows the core's closing of gated text (next item, lock, focus lost); returns the unsubscribe. */
export function followTextGate(): () => void {
  return on('reveal:text-closed', ({ itemId }) => useReading.getState().closedByCore(itemId));
}
