// The report ledger's rows (docs/formats/ledger.md). No foreign key to cases or items: a report
// outlives the case it came from, with ids and hashes only.
import type { Db } from '../store/db.ts';
import type { ReportFile, ReportKind, ReportRecord } from '../../../shared/domain/ledger.ts';

interface ReportRow {
  id: string;
  kind: string;
  case_id: string;
  recipient: string;
  created_at: string;
  actor: string;
  out_path: string;
  outputs: string;
  reference: string | null;
  referenced_at: string | null;
}

interface FileRow {
  report_id: string;
  item_id: string;
  md5: string;
  sha1: string;
  sha256: string;
  pdq: string | null;
  file_ref: string | null;
}

export type NewReport = Omit<ReportRecord, 'reference' | 'referencedAt'>;

const toFile = (r: FileRow): ReportFile => ({
  itemId: r.item_id,
  md5: r.md5,
  sha1: r.sha1,
  sha256: r.sha256,
  pdq: r.pdq,
  fileRef: r.file_ref,
});

function toReport(r: ReportRow, files: ReportFile[]): ReportRecord {
  return {
    id: r.id,
    kind: r.kind as ReportKind,
    caseId: r.case_id,
    recipient: r.recipient,
    createdAt: r.created_at,
    actor: r.actor,
    out: r.out_path,
    outputs: JSON.parse(r.outputs) as ReportRecord['outputs'],
    reference: r.reference,
    referencedAt: r.referenced_at,
    files,
  };
}

export function insertReport(db: Db, r: NewReport): void {
  db.prepare(
    `INSERT INTO reports (id, kind, case_id, recipient, created_at, actor, out_path, outputs)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.id,
    r.kind,
    r.caseId,
    r.recipient,
    r.createdAt,
    r.actor,
    r.out,
    JSON.stringify(r.outputs),
  );
  const file = db.prepare(
    `INSERT INTO report_files (report_id, item_id, md5, sha1, sha256, pdq, file_ref)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const f of r.files)
    file.run(
      r.id,
      f.itemId,
      f.md5.toLowerCase(),
      f.sha1.toLowerCase(),
      f.sha256.toLowerCase(),
      f.pdq,
      f.fileRef,
    );
}

function filesOf(db: Db, reportId: string): ReportFile[] {
  return (
    db
      .prepare('SELECT * FROM report_files WHERE report_id = ? ORDER BY rowid')
      .all(reportId) as FileRow[]
  ).map(toFile);
}

export function selectReport(db: Db, id: string): ReportRecord | undefined {
  const row = db.prepare('SELECT * FROM reports WHERE id = ?').get(id) as ReportRow | undefined;
  return row && toReport(row, filesOf(db, id));
}

export function selectReports(db: Db): ReportRecord[] {
  const rows = db
    .prepare('SELECT * FROM reports ORDER BY created_at DESC, id')
    .all() as ReportRow[];
  return rows.map((r) => toReport(r, filesOf(db, r.id)));
}

export function setReportReference(
  db: Db,
  id: string,
  reference: string,
  at: string,
  outputs: ReportRecord['outputs'],
): void {
  db.prepare('UPDATE reports SET reference = ?, referenced_at = ?, outputs = ? WHERE id = ?').run(
    reference,
    at,
    JSON.stringify(outputs),
    id,
  );
}

export function setFileRef(db: Db, reportId: string, itemId: string, fileRef: string): void {
  db.prepare('UPDATE report_files SET file_ref = ? WHERE report_id = ? AND item_id = ?').run(
    fileRef,
    reportId,
    itemId,
  );
}

/** Every (report, file) whose `column` is `hash`; column is one of the three indexed hashes. */
export function selectByHash(
  db: Db,
  column: 'md5' | 'sha1' | 'sha256',
  hash: string,
): { report: ReportRecord; file: ReportFile }[] {
  const rows = db
    .prepare(`SELECT * FROM report_files WHERE ${column} = ? ORDER BY rowid`)
    .all(hash.toLowerCase()) as FileRow[];
  return rows.flatMap((f) => {
    const report = selectReport(db, f.report_id);
    return report ? [{ report, file: toFile(f) }] : [];
  });
}
