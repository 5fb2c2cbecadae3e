// Building a packet: the workstation key to pin, the items chosen, progress from
// 'packet:progress', and the result (where it went, its id, how to verify it).
import { defineMessages, type MessageDescriptor } from 'react-intl';
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { invoke, on } from '../../ipc/client.ts';
import type { EventPayload, Request, Response } from '../../../shared/contract/index.ts';
import type { ItemSummary } from '../../../shared/domain/item.ts';
import type { PathGrant } from '../../../shared/domain/path-grant.ts';

export type WorkstationKey = Response<'key:show'>;
export type BuiltPacket = Response<'packets:build'>;
type Progress = EventPayload<'packet:progress'>;

interface PacketsState {
  key: WorkstationKey | null;
  building: boolean;
  progress: Progress | null;
  built: BuiltPacket | null;
}

interface PacketsActions {
  loadKey: () => Promise<void>;
  /** Every item of the case, whatever the grid's filter (a packet of the whole case). */
  caseItems: (caseId: string) => Promise<Outcome<ItemSummary[]>>;
  build: (request: Request<'packets:build'>) => Promise<Outcome<BuiltPacket>>;
  /** The save dialog (packets:pick-out): the chosen file, or null when cancelled. */
  pickOut: (suggestedName: string) => Promise<Outcome<PathGrant | null>>;
  reset: () => void;
}

const PAGE = 5000;

export const usePackets = defineStore<PacketsState, PacketsActions>(
  () => ({ key: null, building: false, progress: null, built: null }),
  (set) => ({
    loadKey: async () => {
      const outcome = await attempt(staleGuard(), () => invoke('key:show', {}));
      if (outcome.ok) set({ key: outcome.value });
    },
    caseItems: async (caseId) => {
      const stale = staleGuard();
      const all: ItemSummary[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await attempt(stale, () =>
          invoke('items:list', { caseId, offset, limit: PAGE, filter: {} }),
        );
        if (!page.ok) return page;
        all.push(...page.value.items);
        if (page.value.items.length < PAGE || all.length >= page.value.total) break;
      }
      return { ok: true, value: all };
    },
    build: async (request) => {
      set({ building: true, progress: null, built: null });
      const stop = on('packet:progress', (progress) => set({ progress }));
      const outcome = await attempt(staleGuard(), () => invoke('packets:build', request));
      stop();
      set({ building: false, built: outcome.ok ? outcome.value : null });
      return outcome;
    },
    pickOut: async (suggestedName) => {
      const outcome = await attempt(staleGuard(), () =>
        invoke('packets:pick-out', { suggestedName }),
      );
      return outcome.ok ? { ok: true, value: outcome.value.target } : outcome;
    },
    reset: () => set({ building: false, progress: null, built: null }),
  }),
);

/** A share of the bar for each phase; writing fills most of it, by bytes. */
export function progressShare(p: Progress | null): number {
  if (!p) return 0;
  switch (p.phase) {
    case 'collecting':
      return 0.05;
    case 'report':
      return 0.15;
    case 'writing':
      return 0.15 + 0.8 * (p.bytesTotal > 0 ? Math.min(1, p.bytesDone / p.bytesTotal) : 0);
    case 'done':
      return 1;
  }
}

export const phaseWords: Record<Progress['phase'], MessageDescriptor> = defineMessages({
  collecting: {
    id: 'packets.phase.collecting',
    defaultMessage: 'Collecting the items and their custody entries…',
  },
  report: { id: 'packets.phase.report', defaultMessage: 'Writing the report (HTML and PDF)…' },
  writing: { id: 'packets.phase.writing', defaultMessage: 'Writing the packet and signing it…' },
  done: { id: 'packets.phase.done', defaultMessage: 'Done.' },
});
