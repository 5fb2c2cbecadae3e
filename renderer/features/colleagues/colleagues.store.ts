// Colleagues and shift handoff as the renderer sees them: this workstation's card, the pinned
// colleagues, and for the case on screen whether it is with a colleague, its proven history from
// other workstations and what came back changed on both sides. Paths only by handle: the save and
// open dialogs are the packets' (packets:pick-out, packets:pick-verify), drops come from main.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { dropFiles, invoke, type ClientError } from '../../ipc/client.ts';
import { useRoute } from '../../base/route.store.ts';
import type { Response } from '../../../shared/contract/index.ts';
import type { Colleague } from '../../../shared/domain/colleague.ts';
import type { WorkstationCard } from '../../../shared/domain/reviewer.ts';

export type HandoffStatus = Response<'handoff:status'>;
export type ProvenEntry = Response<'handoff:history'>[number];
export type MergeConflict = Response<'handoff:conflicts'>[number];
export type Received = Response<'handoff:receive'>;

interface ColleaguesState {
  card: WorkstationCard | null;
  colleagues: Colleague[];
  /** The case on screen: its handoff state, proven history and conflicts. */
  caseId: string | null;
  status: HandoffStatus | null;
  history: ProvenEntry[];
  conflicts: MergeConflict[];
  /** Why the last bundle dropped on the window was refused, shown on the Colleagues screen. */
  dropRefusal: ClientError | null;
}

interface ColleaguesActions {
  load: () => Promise<Outcome<Colleague[]>>;
  inspect: (card: string) => Promise<Outcome<WorkstationCard>>;
  add: (card: string) => Promise<Outcome<Colleague>>;
  remove: (fingerprint: string) => Promise<Outcome<unknown>>;
  /** Save dialog, then the card file; null value when the dialog was cancelled. */
  exportCard: () => Promise<Outcome<{ out: string } | null>>;
  /** Open dialog (or a dropped file's handle), then receive; null value when cancelled. */
  receive: (dropped?: string) => Promise<Outcome<Received | null>>;
  /** A bundle dropped on the window: received, then its case opens (or the refusal is shown). */
  receiveDropped: (file: File) => Promise<void>;
  loadCase: (caseId: string) => Promise<Outcome<HandoffStatus>>;
  send: (caseId: string, to: string) => Promise<Outcome<{ out: string } | null>>;
  takeBack: (caseId: string, reason: string) => Promise<Outcome<HandoffStatus>>;
  resolve: (
    caseId: string,
    conflict: number,
    keep: 'mine' | 'theirs',
  ) => Promise<Outcome<MergeConflict[]>>;
}

/** The file name the save dialog suggests: nothing about the case or the colleague in it. */
const bundleName = (now: Date) => `handoff-${now.toISOString().slice(0, 10)}.custody-handoff`;

export const useColleagues = defineStore<ColleaguesState, ColleaguesActions>(
  () => ({
    card: null,
    colleagues: [],
    caseId: null,
    status: null,
    history: [],
    conflicts: [],
    dropRefusal: null,
  }),
  (set, get) => ({
    load: async () => {
      const stale = staleGuard();
      const card = await attempt(stale, () => invoke('key:card', {}));
      if (card.ok) set({ card: card.value.card });
      const list = await attempt(stale, () => invoke('colleagues:list', {}));
      if (list.ok) set({ colleagues: list.value });
      return list;
    },
    inspect: (card) => attempt(staleGuard(), () => invoke('colleagues:inspect', { card })),
    add: async (card) => {
      const outcome = await attempt(staleGuard(), () => invoke('colleagues:add', { card }));
      if (outcome.ok) await get().load();
      return outcome;
    },
    remove: async (fingerprint) => {
      const outcome = await attempt(staleGuard(), () =>
        invoke('colleagues:remove', { fingerprint }),
      );
      if (outcome.ok) await get().load();
      return outcome;
    },
    exportCard: async () => {
      const stale = staleGuard();
      const name = get().card?.fingerprint ?? 'workstation';
      const picked = await attempt(stale, () =>
        invoke('packets:pick-out', { suggestedName: `${name}.custody-card` }),
      );
      if (!picked.ok) return picked;
      const target = picked.value.target;
      if (!target) return { ok: true, value: null };
      return attempt(stale, () => invoke('colleagues:export-card', { out: target.handle }));
    },
    receive: async (dropped) => {
      const stale = staleGuard();
      let handle = dropped;
      if (!handle) {
        const picked = await attempt(stale, () =>
          invoke('packets:pick-verify', { what: 'packet' }),
        );
        if (!picked.ok) return picked;
        if (!picked.value.file) return { ok: true, value: null };
        handle = picked.value.file.handle;
      }
      const bundle = handle;
      return attempt(stale, () =>
        invoke('handoff:receive', { bundle, dropped: dropped !== undefined }),
      );
    },
    receiveDropped: async (file) => {
      const granted = await attempt(staleGuard(), () => dropFiles([file]));
      const handle = granted.ok ? granted.value?.[0]?.handle : undefined;
      const outcome = handle ? await get().receive(handle) : granted;
      set({ dropRefusal: outcome.ok ? null : outcome.error });
      if (outcome.ok && outcome.value && 'caseId' in outcome.value)
        useRoute.getState().go({ name: 'case', id: outcome.value.caseId });
      else if (!outcome.ok) useRoute.getState().go({ name: 'colleagues' });
    },
    loadCase: async (caseId) => {
      const stale = staleGuard();
      if (get().caseId !== caseId) set({ caseId, status: null, history: [], conflicts: [] });
      const status = await attempt(stale, () => invoke('handoff:status', { caseId }));
      const history = await attempt(stale, () => invoke('handoff:history', { caseId }));
      const conflicts = await attempt(stale, () => invoke('handoff:conflicts', { caseId }));
      if (get().caseId === caseId)
        set({
          status: status.ok ? status.value : null,
          history: history.ok ? history.value : [],
          conflicts: conflicts.ok ? conflicts.value : [],
        });
      return status;
    },
    send: async (caseId, to) => {
      const stale = staleGuard();
      const picked = await attempt(stale, () =>
        invoke('packets:pick-out', { suggestedName: bundleName(new Date()) }),
      );
      if (!picked.ok) return picked;
      const target = picked.value.target;
      if (!target) return { ok: true, value: null };
      const sent = await attempt(stale, () =>
        invoke('handoff:send', { caseId, to, out: target.handle }),
      );
      if (sent.ok) await get().loadCase(caseId);
      return sent;
    },
    takeBack: async (caseId, reason) => {
      const outcome = await attempt(staleGuard(), () =>
        invoke('handoff:take-back', { caseId, reason }),
      );
      if (outcome.ok) await get().loadCase(caseId);
      return outcome;
    },
    resolve: async (caseId, conflict, keep) => {
      const outcome = await attempt(staleGuard(), () =>
        invoke('handoff:resolve', { caseId, conflict, keep }),
      );
      if (outcome.ok) set({ conflicts: outcome.value });
      return outcome;
    },
  }),
);
