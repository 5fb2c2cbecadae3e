// A case's chronology as the timeline screen shows it: the core's events across kinds (each
// item's own time, each chat message or mbox e-mail as its own entry), the items they belong to,
// and the items whose metadata holds a position. An answer for a case since left is dropped.
import { defineStore, staleGuard } from '../../base/store.ts';
import { ClientError, invoke } from '../../ipc/client.ts';
import type { Item } from '../../../shared/domain/item.ts';
import type { TimelineEntry } from '../../../shared/domain/written.ts';
import type { GpsReading } from '../../../shared/domain/gps-text.ts';

export interface Located {
  item: Item;
  gps: GpsReading;
}

interface TimelineState {
  caseId: string | null;
  entries: TimelineEntry[];
  /** The zone the core's times are in (UTC). */
  timeZone: string;
  items: Record<string, Item>;
  located: Located[];
  loaded: boolean;
  error: ClientError | null;
}

interface TimelineActions {
  open: (caseId: string) => Promise<void>;
}

/** The position an item's own metadata records: the photo's EXIF, else the video's. */
export function positionOf(item: Item): GpsReading | null {
  const gps = item.metadata?.gps ?? item.media?.gps ?? null;
  return gps && gps.latitude !== null && gps.longitude !== null ? gps : null;
}

export const useTimeline = defineStore<TimelineState, TimelineActions>(
  () => ({
    caseId: null,
    entries: [],
    timeZone: 'UTC',
    items: {},
    located: [],
    loaded: false,
    error: null,
  }),
  (set, get) => ({
    open: async (caseId) => {
      set({ caseId, entries: [], items: {}, located: [], loaded: false, error: null });
      const stale = staleGuard();
      try {
        const [timeline, withGps] = await Promise.all([
          invoke('items:timeline', { caseId }),
          invoke('items:list', { caseId, filter: { flag: 'gps' }, limit: 20_000 }),
        ]);
        const ids = new Set([
          ...timeline.entries.map((e) => e.itemId),
          ...withGps.items.map((i) => i.id),
        ]);
        const fetched = await Promise.all([...ids].map((id) => invoke('items:get', { id })));
        if (stale() || get().caseId !== caseId) return;
        const items = Object.fromEntries(fetched.map((i) => [i.id, i]));
        const located = withGps.items.flatMap((s): Located[] => {
          const item = items[s.id];
          const gps = item ? positionOf(item) : null;
          return item && gps ? [{ item, gps }] : [];
        });
        set({
          entries: timeline.entries,
          timeZone: timeline.timeZone,
          items,
          located,
          loaded: true,
        });
      } catch (e) {
        if (stale() || get().caseId !== caseId) return;
        const error = e instanceof ClientError ? e : new ClientError('INTERNAL', String(e));
        set({ error, loaded: true });
      }
    },
  }),
);
