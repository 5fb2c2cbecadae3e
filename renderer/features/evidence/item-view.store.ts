// The item open in the item view: its full record (hashes, metadata, notes) and its custody
// history. Answers for an item the reviewer has already left are dropped.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt } from '../../base/outcome.ts';
import { subscribe } from '../../base/store-events.ts';
import { invoke, type ClientError } from '../../ipc/client.ts';
import type { Item } from '../../../shared/domain/item.ts';
import type { Response } from '../../../shared/contract/index.ts';

export type CustodyEntry = Response<'custody:history'>[number];

interface ItemViewState {
  itemId: string | null;
  item: Item | null;
  history: CustodyEntry[] | null;
  error: ClientError | null;
}

interface ItemViewActions {
  open: (itemId: string) => Promise<void>;
  refresh: () => Promise<void>;
  close: () => void;
}

export const useItemView = defineStore<ItemViewState, ItemViewActions>(
  () => ({ itemId: null, item: null, history: null, error: null }),
  (set, get) => {
    const load = async (itemId: string) => {
      const stale = staleGuard();
      const [item, history] = await Promise.all([
        attempt(stale, () => invoke('items:get', { id: itemId })),
        attempt(stale, () => invoke('custody:history', { itemId })),
      ]);
      if (stale() || get().itemId !== itemId) return;
      set({
        item: item.ok ? item.value : get().item,
        history: history.ok ? history.value : get().history,
        error: item.ok ? null : item.error,
      });
    };
    return {
      open: async (itemId) => {
        if (get().itemId !== itemId) set({ itemId, item: null, history: null, error: null });
        await load(itemId);
      },
      refresh: async () => {
        const itemId = get().itemId;
        if (itemId) await load(itemId);
      },
      close: () => set({ itemId: null, item: null, history: null, error: null }),
    };
  },
);

// A triage change to the open item shows in its facts and custody history.
subscribe('items-changed', ({ ids }) => {
  const open = useItemView.getState().item;
  if (open && ids.includes(open.id)) void useItemView.getState().refresh();
});
