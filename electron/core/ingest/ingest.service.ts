// A batch: walk the chosen paths, ingest files a few at a time, report progress, stop on cancel.
// Each file succeeds or fails alone; a cancelled batch keeps what it finished.
import { randomUUID } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { isDiskFull, VaultLockedError } from '../errors.ts';
import type { CoreEvents } from '../events.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import { assertCaseOpen } from '../cases/case.service.ts';
import type { IngestFileResult, IngestProgress, Item } from '../../../shared/domain/item.ts';
import { walkEvidence } from './walk.ts';
import { record } from '../custody/custody-log.ts';
import { ingestFile } from './ingest-file.ts';
import { descendantIds } from '../items/item.queries.ts';
import type { DecodeHost } from '../media/decode-pool.ts';

/** Files in flight at once: enough to keep the decode pool and the disk busy, few enough to bound memory. */
const CONCURRENCY = 3;

export interface IngestRun {
  ingestId: string;
  /** Resolves with one result per file (and per path that could not be walked), in walk order. */
  finished: Promise<IngestFileResult[]>;
  cancel(): void;
}

export function startIngest(
  vault: UnlockedVault,
  decoder: DecodeHost,
  caseId: string,
  paths: readonly string[],
  onProgress: (p: IngestProgress) => void,
  options: { inMemoryMax?: number } = {},
): IngestRun {
  assertCaseOpen(vault, caseId);
  const ingestId = randomUUID();
  const controller = new AbortController();
  const caseKey = vault.caseKey(caseId);

  const finished = (async () => {
    const { files, problems } = await walkEvidence(paths);
    const results: IngestFileResult[] = problems.map((p) => ({
      path: p.path,
      status: 'failed' as const,
      reason: p.reason,
      item: null,
    }));
    const progress: IngestProgress = {
      ingestId,
      caseId,
      done: results.length,
      total: files.length + results.length,
      current: null,
      ingested: 0,
      duplicates: 0,
      failures: problems.map((p) => ({ path: p.path, reason: p.reason })),
      finished: false,
      cancelled: false,
    };
    onProgress({ ...progress });
    const perFile: IngestFileResult[] = new Array<IngestFileResult>(files.length);
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const i = next++;
        const file = files[i];
        if (!file) break;
        if (controller.signal.aborted) {
          perFile[i] = {
            path: file.displayPath,
            status: 'cancelled',
            reason: 'cancelled',
            item: null,
          };
          continue;
        }
        progress.current = file.displayPath;
        const r = await ingestFile(
          { vault, caseId, caseKey, decoder, signal: controller.signal, ...options },
          file,
        );
        perFile[i] = r;
        progress.done++;
        if (r.status === 'ingested') progress.ingested++;
        if (r.status === 'duplicate') progress.duplicates++;
        if (r.status === 'failed') {
          const reason = r.reason ?? 'failed';
          progress.failures.push({ path: r.path, reason });
          try {
            record(vault, {
              action: 'item.ingest-failed',
              caseId,
              details: { source: r.path, reason },
            });
          } catch (e) {
            // No room even for the note of a failure: the result still names it; the batch goes on.
            if (!isDiskFull(e)) throw e;
          }
        }
        onProgress({ ...progress, failures: [...progress.failures] });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    progress.current = null;
    progress.finished = true;
    progress.cancelled = controller.signal.aborted;
    onProgress({ ...progress, failures: [...progress.failures] });
    return [...results, ...perFile];
  })();

  return { ingestId, finished, cancel: () => controller.abort() };
}

export interface IngestServiceOptions {
  vault: () => UnlockedVault;
  decoder: () => DecodeHost;
  events: EventEmitter<CoreEvents>;
  /** Told the ids of the items a batch added (hash-list matching), before it reports finished. */
  onCommitted?: (itemIds: string[]) => void;
  /** Each result's item as it may leave the core (the text gate withholds written facts). */
  answerable: (item: Item) => Item;
}

/** `core.ingest`: starts batches and keeps their runs to itself; progress goes out as 'ingest:progress'. */
export class IngestService {
  readonly #runs = new Map<string, IngestRun>();
  readonly #o: IngestServiceOptions;
  constructor(options: IngestServiceOptions) {
    this.#o = options;
  }

  start(caseId: string, paths: readonly string[]): { ingestId: string } {
    const events = this.#o.events;
    // The last progress waits until the batch's items are checked, so "finished" means matched too.
    let last: IngestProgress | null = null;
    const run = startIngest(this.#o.vault(), this.#o.decoder(), caseId, paths, (p) => {
      if (p.finished) last = p;
      else events.emit('ingest:progress', p);
    });
    const finished = run.finished
      .then((results) => {
        const top = results.flatMap((r) => (r.status === 'ingested' && r.item ? [r.item.id] : []));
        // Attachments and archive members are evidence too: they are matched like any file.
        const ids = [...top, ...descendantIds(this.#o.vault().db, top)];
        try {
          this.#o.onCommitted?.(ids);
        } catch (e) {
          // Locked mid-batch: the items are in; they are matched when a list is next imported.
          if (!(e instanceof VaultLockedError)) throw e;
        }
        return results.map((r) => (r.item ? { ...r, item: this.#o.answerable(r.item) } : r));
      })
      .finally(() => {
        this.#runs.delete(run.ingestId);
        if (last) events.emit('ingest:progress', last);
      });
    this.#runs.set(run.ingestId, { ...run, finished });
    return { ingestId: run.ingestId };
  }

  /** One result per file once the batch is done; undefined for a run that is not going on. */
  results(ingestId: string): Promise<IngestFileResult[]> | undefined {
    return this.#runs.get(ingestId)?.finished;
  }

  cancel(ingestId: string): { cancelled: boolean } {
    const run = this.#runs.get(ingestId);
    run?.cancel();
    return { cancelled: run !== undefined };
  }

  /** Whether a batch is going on: background work gives way to it. */
  busy(): boolean {
    return this.#runs.size > 0;
  }

  /** On lock: every batch stops; what finished stays. */
  cancelAll(): void {
    for (const run of this.#runs.values()) run.cancel();
  }
}
