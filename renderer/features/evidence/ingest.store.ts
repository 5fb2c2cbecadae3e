// Bringing files in: the picker or a drop gives handles, ingest:start runs them in the core, and
// 'ingest:progress' reports back. A run's failures stay on screen until the reviewer dismisses
// them: a file that did not come in must not pass unnoticed.
import { currentIntl } from '../../base/current-intl.ts';
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { ClientError, dropFiles, invoke, on } from '../../ipc/client.ts';
import type { IngestProgress } from '../../../shared/domain/item.ts';
import type { PathGrant } from '../../../shared/domain/path-grant.ts';
import { announce } from '../../base/store-events.ts';

interface IngestState {
  /** Runs by ingest id, latest progress each; kept after finishing until dismissed. */
  runs: Record<string, IngestProgress>;
}

interface IngestActions {
  pick: (caseId: string) => Promise<Outcome<string | null>>;
  start: (caseId: string, files: PathGrant[]) => Promise<Outcome<string>>;
  /** Files dropped on the grid: ingested where the shell can tell their paths. */
  drop: (caseId: string, files: File[]) => Promise<Outcome<string | null>>;
  cancel: (ingestId: string) => Promise<void>;
  dismiss: (caseId: string) => void;
  progress: (p: IngestProgress) => void;
}

// The grid refetches while files land, but not on every file of a large batch.
const RELOAD_EVERY_MS = 1500;
let lastReload = 0;

function announceLanded(p: IngestProgress): void {
  const now = Date.now();
  if (!p.finished && now - lastReload < RELOAD_EVERY_MS) return;
  lastReload = now;
  announce('evidence-landed', { caseId: p.caseId, finished: p.finished });
}

export const useIngest = defineStore<IngestState, IngestActions>(
  () => ({ runs: {} }),
  (set, get) => ({
    pick: async (caseId) => {
      const picked = await attempt(staleGuard(), () => invoke('ingest:pick', {}));
      if (!picked.ok) return picked;
      if (picked.value.files.length === 0) return { ok: true, value: null };
      const started = await get().start(caseId, picked.value.files);
      return started.ok ? { ok: true, value: started.value } : started;
    },
    start: async (caseId, files) => {
      const outcome = await attempt(staleGuard(), () =>
        invoke('ingest:start', { caseId, files: files.map((f) => f.handle) }),
      );
      if (!outcome.ok) return outcome;
      const { ingestId } = outcome.value;
      if (!get().runs[ingestId]) {
        const first: IngestProgress = {
          ingestId,
          caseId,
          done: 0,
          total: files.length,
          current: null,
          ingested: 0,
          duplicates: 0,
          failures: [],
          finished: false,
          cancelled: false,
        };
        set({ runs: { ...get().runs, [ingestId]: first } });
      }
      return { ok: true, value: ingestId };
    },
    drop: async (caseId, files) => {
      if (files.length === 0) return { ok: true, value: null };
      const granted = await attempt(staleGuard(), () => dropFiles(files));
      if (!granted.ok) return granted;
      if (!granted.value || granted.value.length === 0) {
        const why = currentIntl().formatMessage({
          id: 'ingest.dropUnsupported',
          defaultMessage:
            'This window cannot read where dropped files live. Use Add evidence to choose them instead.',
        });
        return { ok: false, error: new ClientError('UNSUPPORTED', why) };
      }
      return get().start(caseId, granted.value);
    },
    cancel: async (ingestId) => {
      await attempt(staleGuard(), () => invoke('ingest:cancel', { ingestId }));
    },
    dismiss: (caseId) => {
      const runs = Object.fromEntries(
        Object.entries(get().runs).filter(([, p]) => p.caseId !== caseId || !p.finished),
      );
      set({ runs });
    },
    progress: (p) => {
      set({ runs: { ...get().runs, [p.ingestId]: p } });
      announceLanded(p);
    },
  }),
);

/** Wires 'ingest:progress' to the store while the workspace is open; returns the unsubscribe. */
export function listenForIngest(): () => void {
  return on('ingest:progress', (p) => useIngest.getState().progress(p));
}

/** One case's runs, combined for one calm progress bar and one failure list. */
export function caseIngest(runs: Record<string, IngestProgress>, caseId: string) {
  const mine = Object.values(runs).filter((r) => r.caseId === caseId);
  const running = mine.filter((r) => !r.finished);
  return {
    any: mine.length > 0,
    running: running.length > 0,
    ingestIds: running.map((r) => r.ingestId),
    done: mine.reduce((n, r) => n + r.done, 0),
    total: mine.reduce((n, r) => n + r.total, 0),
    current: running.find((r) => r.current !== null)?.current ?? null,
    ingested: mine.reduce((n, r) => n + r.ingested, 0),
    duplicates: mine.reduce((n, r) => n + r.duplicates, 0),
    cancelled: mine.some((r) => r.cancelled),
    failures: mine.flatMap((r) => r.failures),
  };
}
