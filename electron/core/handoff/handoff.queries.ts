import type { Db } from '../store/db.ts';

export interface HandoffRow {
  case_id: string;
  colleague_fingerprint: string;
  colleague_name: string;
  sent_at: string;
  bundle_sha256: string;
  tree_size: number;
  status: 'with-colleague' | 'taken-back';
  sent_categories: string;
}

export function selectHandoff(db: Db, caseId: string): HandoffRow | undefined {
  return db.prepare('SELECT * FROM case_handoffs WHERE case_id = ?').get(caseId) as
    HandoffRow | undefined;
}

export function upsertHandoff(db: Db, r: Omit<HandoffRow, 'status'>): void {
  db.prepare(
    `INSERT OR REPLACE INTO case_handoffs
       (case_id, colleague_fingerprint, colleague_name, sent_at, bundle_sha256, tree_size, status, sent_categories)
     VALUES (@case_id, @colleague_fingerprint, @colleague_name, @sent_at, @bundle_sha256, @tree_size, 'with-colleague', @sent_categories)`,
  ).run(r);
}

export function markTakenBack(db: Db, caseId: string): void {
  db.prepare("UPDATE case_handoffs SET status = 'taken-back' WHERE case_id = ?").run(caseId);
}

export function deleteHandoff(db: Db, caseId: string): void {
  db.prepare('DELETE FROM case_handoffs WHERE case_id = ?').run(caseId);
}

export interface ReceivedBundleRow {
  bundle_sha256: string;
  case_id: string;
  sender_fingerprint: string;
  sender_tree_size: number;
  checkpoint: string;
  receipt_checkpoint: string;
  received_at: string;
}

export function insertReceivedBundle(db: Db, r: ReceivedBundleRow): void {
  db.prepare(
    `INSERT INTO received_bundles
       (bundle_sha256, case_id, sender_fingerprint, sender_tree_size, checkpoint, receipt_checkpoint, received_at)
     VALUES (@bundle_sha256, @case_id, @sender_fingerprint, @sender_tree_size, @checkpoint, @receipt_checkpoint, @received_at)`,
  ).run(r);
}

export function receivedBundle(db: Db, sha256: string): ReceivedBundleRow | undefined {
  return db.prepare('SELECT * FROM received_bundles WHERE bundle_sha256 = ?').get(sha256) as
    ReceivedBundleRow | undefined;
}

/** The newest bundle of this case taken in from this sender: what a later one must go beyond. */
export function latestReceived(
  db: Db,
  caseId: string,
  sender: string,
): ReceivedBundleRow | undefined {
  return db
    .prepare(
      'SELECT * FROM received_bundles WHERE case_id = ? AND sender_fingerprint = ? ORDER BY sender_tree_size DESC LIMIT 1',
    )
    .get(caseId, sender) as ReceivedBundleRow | undefined;
}

export function insertReceivedEntry(
  db: Db,
  r: { caseId: string; sender: string; seq: number; entry: string; proof: string; bundle: string },
): void {
  db.prepare(
    `INSERT OR IGNORE INTO received_entries (case_id, sender_fingerprint, seq, entry, proof, bundle_sha256)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(r.caseId, r.sender, r.seq, r.entry, r.proof, r.bundle);
}

export interface ReceivedEntryRow {
  case_id: string;
  sender_fingerprint: string;
  seq: number;
  entry: string;
  proof: string;
  bundle_sha256: string;
}

export function receivedEntries(db: Db, caseId: string): ReceivedEntryRow[] {
  return db
    .prepare('SELECT * FROM received_entries WHERE case_id = ? ORDER BY sender_fingerprint, seq')
    .all(caseId) as ReceivedEntryRow[];
}

export interface ConflictRow {
  item_id: string;
  ours: string | null;
  theirs: string | null;
  colleague_fingerprint: string;
  created_at: string;
}

export function insertConflict(db: Db, r: ConflictRow): void {
  db.prepare(
    `INSERT OR REPLACE INTO handoff_conflicts (item_id, ours, theirs, colleague_fingerprint, created_at)
     VALUES (@item_id, @ours, @theirs, @colleague_fingerprint, @created_at)`,
  ).run(r);
}

export function caseConflicts(db: Db, caseId: string): ConflictRow[] {
  return db
    .prepare(
      'SELECT hc.* FROM handoff_conflicts hc JOIN items i ON i.id = hc.item_id WHERE i.case_id = ? ORDER BY hc.item_id',
    )
    .all(caseId) as ConflictRow[];
}
