import type { Db } from '../store/db.ts';
import type { Case, CaseKind, IncidentRef, ReportedAccount } from '../../../shared/domain/case.ts';

interface CaseRow {
  id: string;
  title: string;
  kind: string;
  emergency: number;
  status: string;
  languages: string;
  external_refs: string;
  notes: string;
  reported_accounts: string;
  incidents: string;
  incident_at: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  item_count: number;
}

const SELECT = `
  SELECT c.id, c.title, c.kind, c.emergency, c.status, c.languages, c.external_refs, c.notes,
         c.reported_accounts, c.incidents, c.incident_at,
         c.created_at, c.updated_at, c.closed_at,
         (SELECT count(*) FROM items i WHERE i.case_id = c.id) AS item_count
  FROM cases c`;

function toCase(r: CaseRow): Case {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as CaseKind,
    emergency: r.emergency === 1,
    status: r.status as Case['status'],
    languages: JSON.parse(r.languages) as string[],
    externalRefs: JSON.parse(r.external_refs) as string[],
    notes: r.notes,
    reportedAccounts: JSON.parse(r.reported_accounts) as ReportedAccount[],
    incidents: JSON.parse(r.incidents) as IncidentRef[],
    incidentAt: r.incident_at,
    itemCount: r.item_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedAt: r.closed_at,
  };
}

export function insertCase(
  db: Db,
  c: Omit<Case, 'itemCount' | 'status' | 'closedAt'>,
  wrappedKey: Buffer,
): void {
  db.prepare(
    `INSERT INTO cases (id, title, kind, emergency, languages, external_refs, notes,
       reported_accounts, incidents, incident_at, wrapped_key, created_at, updated_at)
     VALUES (@id, @title, @kind, @emergency, @languages, @externalRefs, @notes,
       @reportedAccounts, @incidents, @incidentAt, @wrappedKey, @createdAt, @updatedAt)`,
  ).run({
    ...c,
    emergency: c.emergency ? 1 : 0,
    languages: JSON.stringify(c.languages),
    externalRefs: JSON.stringify(c.externalRefs),
    reportedAccounts: JSON.stringify(c.reportedAccounts),
    incidents: JSON.stringify(c.incidents),
    wrappedKey,
  });
}

export function selectCase(db: Db, id: string): Case | undefined {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CaseRow | undefined;
  return row && toCase(row);
}

export function selectCases(db: Db): Case[] {
  const rows = db
    .prepare(`${SELECT} ORDER BY c.emergency DESC, c.updated_at DESC`)
    .all() as CaseRow[];
  return rows.map(toCase);
}

export function updateCaseRow(db: Db, c: Case): void {
  db.prepare(
    `UPDATE cases SET title = @title, kind = @kind, emergency = @emergency, status = @status,
       languages = @languages, external_refs = @externalRefs, notes = @notes,
       reported_accounts = @reportedAccounts, incidents = @incidents, incident_at = @incidentAt,
       updated_at = @updatedAt, closed_at = @closedAt
     WHERE id = @id`,
  ).run({
    id: c.id,
    title: c.title,
    kind: c.kind,
    emergency: c.emergency ? 1 : 0,
    status: c.status,
    languages: JSON.stringify(c.languages),
    externalRefs: JSON.stringify(c.externalRefs),
    notes: c.notes,
    reportedAccounts: JSON.stringify(c.reportedAccounts),
    incidents: JSON.stringify(c.incidents),
    incidentAt: c.incidentAt,
    updatedAt: c.updatedAt,
    closedAt: c.closedAt,
  });
}

export function caseBlobIds(db: Db, caseId: string): string[] {
  return db.prepare('SELECT id FROM blobs WHERE case_id = ?').pluck().all(caseId) as string[];
}

/** Every row of the case goes, its wrapped key with it (ON DELETE CASCADE does the rest). */
export function deleteCaseRows(db: Db, caseId: string): void {
  db.prepare('DELETE FROM cases WHERE id = ?').run(caseId);
}

/**
 * Evidence work (ingest, triage, notes, packets) moves the case's "Last changed". Call inside the
 * work's own transaction, so the time lands with the work or not at all; it never goes back.
 */
export function touchCase(db: Db, caseId: string, at: string = new Date().toISOString()): void {
  db.prepare('UPDATE cases SET updated_at = ? WHERE id = ? AND updated_at < ?').run(at, caseId, at);
}
