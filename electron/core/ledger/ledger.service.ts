// `core.reports`: the report ledger. Every export lands here with its recipient and each file's
// hashes; the recipient's reference is recorded when it comes back. Kept in the encrypted database
// outside any case, so "was this file reported, when, to whom, under which number?" still has an
// answer after the case is destroyed. Format: docs/formats/ledger.md.
import { NotFoundError } from '../errors.ts';
import { emptyReferenceError, notAHashError, notInReportError } from '../input-errors.ts';
import type { UnlockedVault } from '../vault/vault.ts';
import { record } from '../custody/custody-log.ts';
import { hashTypeOf, type ReportMatch, type ReportRecord } from '../../../shared/domain/ledger.ts';
import {
  insertReport,
  selectByHash,
  selectReport,
  selectReports,
  setFileRef,
  setReportReference,
  type NewReport,
} from './ledger.queries.ts';

/** Rewrites an export's files with the recipient's ids; returns the files' new hashes. */
export type ReferenceRewriter = (
  report: ReportRecord,
  reference: string,
  fileRefs: ReadonlyMap<string, string>,
) => Promise<ReportRecord['outputs']>;

/** Call inside the export's own transaction, beside its custody entry, so both land or neither. */
export function recordReport(vault: UnlockedVault, r: Omit<NewReport, 'actor'>): void {
  insertReport(vault.db, { ...r, actor: vault.actor });
}

export function getReport(vault: UnlockedVault, id: string): ReportRecord {
  const r = selectReport(vault.db, id);
  if (!r) throw new NotFoundError('report', id);
  return r;
}

export function findReports(vault: UnlockedVault, hash: string): ReportMatch[] {
  const type = hashTypeOf(hash.trim());
  if (!type) throw notAHashError(hash);
  return selectByHash(vault.db, type, hash.trim()).map(({ report, file }) => {
    const { files: _files, ...summary } = report;
    return { hashType: type, report: summary, file };
  });
}

export interface SetReference {
  id: string;
  reference: string;
  /** Item id → the recipient's id for that file (CyberTipline fileId). */
  fileRefs?: Readonly<Record<string, string>> | undefined;
}

export async function setReference(
  vault: UnlockedVault,
  rewriters: Partial<Record<ReportRecord['kind'], ReferenceRewriter>>,
  o: SetReference,
): Promise<ReportRecord> {
  const report = getReport(vault, o.id);
  const reference = o.reference.trim();
  if (!reference) throw emptyReferenceError();
  const fileRefs = new Map(Object.entries(o.fileRefs ?? {}));
  const inReport = new Set(report.files.map((f) => f.itemId));
  const stray = [...fileRefs.keys()].find((id) => !inReport.has(id));
  if (stray !== undefined) throw notInReportError(stray, report.id);
  // The files change first: if they cannot be rewritten the ledger keeps its old answer.
  const rewrite = rewriters[report.kind];
  const outputs = rewrite ? await rewrite(report, reference, fileRefs) : report.outputs;
  const at = new Date().toISOString();
  vault.db.transaction(() => {
    setReportReference(vault.db, report.id, reference, at, outputs);
    for (const [itemId, ref] of fileRefs) setFileRef(vault.db, report.id, itemId, ref);
    record(vault, {
      action: 'report.referenced',
      caseId: report.caseId,
      details: { reportId: report.id, kind: report.kind, reference, files: fileRefs.size },
    });
  })();
  return getReport(vault, report.id);
}

export class ReportService {
  readonly #vault: () => UnlockedVault;
  readonly #rewriters: Partial<Record<ReportRecord['kind'], ReferenceRewriter>>;
  constructor(
    vault: () => UnlockedVault,
    rewriters: Partial<Record<ReportRecord['kind'], ReferenceRewriter>>,
  ) {
    this.#vault = vault;
    this.#rewriters = rewriters;
  }
  list = (): ReportRecord[] => selectReports(this.#vault().db);
  get = (id: string): ReportRecord => getReport(this.#vault(), id);
  find = (hash: string): ReportMatch[] => findReports(this.#vault(), hash);
  setReference = (o: SetReference): Promise<ReportRecord> =>
    setReference(this.#vault(), this.#rewriters, o);
}
