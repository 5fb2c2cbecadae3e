// Bringing files in: the picker or a drop gives paths, ingest:start runs them in the core, and
// 'ingest:progress' reports back. A run's failures stay on screen until the reviewer dismisses
// them: a file that did not come in must not pass unnoticed.
import { defineStore, staleGuard } from '../../base/store.ts';
import { attempt, type Outcome } from '../../base/outcome.ts';
import { ClientError, invoke, on, pathForFile } from '../../ipc/client.ts';
import type { IngestProgress } from '../../../shared/domain/item.ts';
import { announce } from '../../base/store-events.ts';

interface IngestState {
  /** Runs by ingest id, latest progress each; kept after finishing until dismissed. */
  runs: Record<string, IngestProgress>;
  /** Folders evidence was picked from this session: a hint for where packets might go. */
  pickedFrom: string[];
}

interface IngestActions {
  pick: (caseId: string) => Promise<Outcome<string | null>>;
  start: (caseId: string, paths: string[]) => Promise<Outcome<string>>;
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

const folderOf = (path: string) => path.replace(/[\\/][^\\/]*$/, '') || path;

export const useIngest = defineStore<IngestState, IngestActions>(
  () => ({ runs: {}, pickedFrom: [] }),
  (set, get) => ({
    pick: async (caseId) => {
      const picked = await attempt(staleGuard(), () => invoke('ingest:pick', {}));
      if (!picked.ok) return picked;
      if (picked.value.paths.length === 0) return { ok: true, value: null };
      const started = await get().start(caseId, picked.value.paths);
      return started.ok ? { ok: true, value: started.value } : started;
    },
    start: async (caseId, paths) => {
      const folders = new Set([...get().pickedFrom, ...paths.map(folderOf)]);
      set({ pickedFrom: [...folders] });
      const outcome = await attempt(staleGuard(), () => invoke('ingest:start', { caseId, paths }));
      if (!outcome.ok) return outcome;
      const { ingestId } = outcome.value;
      if (!get().runs[ingestId]) {
        const first: IngestProgress = {
          ingestId,
          caseId,
          done: 0,
          total: paths.length,
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
      const paths = files.map(pathForFile).filter((p): p is string => p !== null);
      if (files.length > 0 && paths.length === 0) {
        const why =
          'This window cannot read where dropped files live. Use Add evidence to choose them instead.';
        return { ok: false, error: new ClientError('UNSUPPORTED', why) };
      }
      if (paths.length === 0) return { ok: true, value: null };
      return get().start(caseId, paths);
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
