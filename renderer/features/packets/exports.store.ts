// The CyberTipline draft, VICS and CASE/UCO exports the packaging screen offers beside the packet:
// the save dialog first (packets:pick-out), then the export, and what each one wrote.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { invoke, type ClientError } from '../../ipc/client.ts';
import type { Response } from '../../../shared/contract/index.ts';

export type ExportKind = 'ncmec' | 'vics' | 'case-uco';
export type ExportDone = Response<'exports:vics'>;
export type ExportFailure = ClientError;

export interface ExportRequest {
  caseId: string;
  /** Undefined for the whole case. */
  itemIds: string[] | undefined;
  /** The packet form's agency, named as the recipient of VICS and CASE/UCO. */
  recipient: string;
  vicsVersion: '2.0' | '1.3';
  /** One of the CyberTipline's eight values, or undefined to derive it from the case. */
  incidentType: string | undefined;
}

interface ExportsState {
  running: ExportKind | null;
  /** What each kind wrote last on this screen, or why it failed. */
  done: Partial<Record<ExportKind, ExportDone>>;
  failed: Partial<Record<ExportKind, ClientError>>;
}

interface ExportsActions {
  /** Opens the save dialog on `suggestedName`, then exports there; null when the dialog was cancelled. */
  run: (
    kind: ExportKind,
    suggestedName: string,
    request: ExportRequest,
  ) => Promise<Outcome<ExportDone | null>>;
  reset: () => void;
}

function exportCall(kind: ExportKind, out: string, r: ExportRequest): Promise<ExportDone> {
  const base = { caseId: r.caseId, out, ...(r.itemIds ? { itemIds: r.itemIds } : {}) };
  const recipient = r.recipient.trim() ? { recipient: r.recipient.trim() } : {};
  switch (kind) {
    case 'ncmec':
      return invoke('exports:ncmec', {
        ...base,
        ...(r.incidentType ? { incidentType: r.incidentType } : {}),
      });
    case 'vics':
      return invoke('exports:vics', { ...base, ...recipient, version: r.vicsVersion });
    case 'case-uco':
      return invoke('exports:case-uco', { ...base, ...recipient });
  }
}

export const useExports = defineStore<ExportsState, ExportsActions>(
  () => ({ running: null, done: {}, failed: {} }),
  (set, get) => ({
    run: async (kind, suggestedName, request) => {
      if (get().running) return { ok: true, value: null };
      set({ running: kind });
      const stale = staleGuard();
      const picked = await attempt(stale, () => invoke('packets:pick-out', { suggestedName }));
      const target = picked.ok ? picked.value.target : null;
      const outcome: Outcome<ExportDone | null> = !picked.ok
        ? picked
        : target
          ? await attempt(stale, () => exportCall(kind, target.handle, request))
          : { ok: true, value: null };
      const { done, failed } = get();
      set({
        running: null,
        done: outcome.ok && outcome.value ? { ...done, [kind]: outcome.value } : done,
        failed: outcome.ok
          ? { ...failed, [kind]: undefined }
          : { ...failed, [kind]: outcome.error },
      });
      return outcome;
    },
    reset: () => set({ running: null, done: {}, failed: {} }),
  }),
);
