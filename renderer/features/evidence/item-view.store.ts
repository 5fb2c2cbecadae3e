// The item open in the item view: its full record (hashes, metadata, notes) and its custody
// history. Answers for an item the reviewer has already left are dropped.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt } from '../../base/outcome.ts';
import { subscribe } from '../../base/store-events.ts';
import { invoke, on, type ClientError } from '../../ipc/client.ts';
import type { Item } from '../../../shared/domain/item.ts';
import type { VpdqStatus } from '../../../shared/domain/vpdq.ts';
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
  /** The core's word that a video's one-frame-a-second pass moved on. */
  vpdqMoved: (status: VpdqStatus) => void;
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
      vpdqMoved: (vpdq) => {
        const item = get().item;
        if (item?.id !== vpdq.itemId) return;
        set({ item: { ...item, vpdq } });
        // A pass that ended wrote its custody entry: the history shows it.
        const ended = vpdq.state === 'done' || vpdq.state === 'failed';
        if (ended && item.vpdq?.state !== vpdq.state) void get().refresh();
      },
    };
  },
);

// A triage change to the open item shows in its facts and custody history.
subscribe('items-changed', ({ ids }) => {
  const open = useItemView.getState().item;
  if (open && ids.includes(open.id)) void useItemView.getState().refresh();
});

/** Follows the open video's background frame hashing (vPDQ) while the item view is up. */
export function listenForVpdq(): () => void {
  return on('vpdq:progress', (status) => useItemView.getState().vpdqMoved(status));
}
