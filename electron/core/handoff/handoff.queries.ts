import type { Db } from '../store/db.ts';
import type { BundleMatch } from './bundle-format.ts';
import type { Json } from '../custody/canonical.ts';

export interface HandoffRow {
  case_id: string;
  colleague_fingerprint: string;
  colleague_name: string;
  sent_at: string;
  bundle_sha256: string;
  tree_size: number;
  status: 'with-colleague' | 'taken-back';
  sent_categories: string;
  /** The case's own fields as sent (JSON): the base its fields are merged against on return. */
  sent_case: string;
}

export function selectHandoff(db: Db, caseId: string): HandoffRow | undefined {
  return db.prepare('SELECT * FROM case_handoffs WHERE case_id = ?').get(caseId) as
    HandoffRow | undefined;
}

export function upsertHandoff(db: Db, r: Omit<HandoffRow, 'status'>): void {
  db.prepare(
    `INSERT OR REPLACE INTO case_handoffs
       (case_id, colleague_fingerprint, colleague_name, sent_at, bundle_sha256, tree_size, status, sent_categories, sent_case)
     VALUES (@case_id, @colleague_fingerprint, @colleague_name, @sent_at, @bundle_sha256, @tree_size, 'with-colleague', @sent_categories, @sent_case)`,
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
  id: number;
  caseId: string;
  itemId: string | null;
  /** 'category', 'label:<scheme>' (item_id set), or a case field ('title', 'notes', …). */
  field: string;
  ours: Json;
  theirs: Json;
  colleague: string;
  createdAt: string;
}

export function insertConflict(db: Db, r: Omit<ConflictRow, 'id'>): void {
  db.prepare(
    `INSERT OR REPLACE INTO case_conflicts (case_id, item_id, field, ours, theirs, colleague_fingerprint, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.caseId,
    r.itemId,
    r.field,
    JSON.stringify(r.ours ?? null),
    JSON.stringify(r.theirs ?? null),
    r.colleague,
    r.createdAt,
  );
}

const CONFLICT_COLUMNS = `id, case_id AS caseId, item_id AS itemId, field, ours, theirs,
  colleague_fingerprint AS colleague, created_at AS createdAt`;
type StoredConflict = Omit<ConflictRow, 'ours' | 'theirs'> & { ours: string; theirs: string };
const toConflict = (r: StoredConflict): ConflictRow => ({
  ...r,
  ours: JSON.parse(r.ours) as Json,
  theirs: JSON.parse(r.theirs) as Json,
});

export function caseConflicts(db: Db, caseId: string): ConflictRow[] {
  return (
    db
      .prepare(
        `SELECT ${CONFLICT_COLUMNS} FROM case_conflicts WHERE case_id = ? ORDER BY item_id IS NOT NULL, item_id, field, id`,
      )
      .all(caseId) as StoredConflict[]
  ).map(toConflict);
}

export function selectConflict(db: Db, id: number): ConflictRow | undefined {
  const r = db.prepare(`SELECT ${CONFLICT_COLUMNS} FROM case_conflicts WHERE id = ?`).get(id) as
    StoredConflict | undefined;
  return r && toConflict(r);
}

export function deleteConflict(db: Db, id: number): void {
  db.prepare('DELETE FROM case_conflicts WHERE id = ?').run(id);
}

/** A colleague's matches of an item, as their workstation found them (by list name and version). */
export function insertReceivedMatches(
  db: Db,
  itemId: string,
  sender: string,
  matches: readonly BundleMatch[],
): void {
  const put = db.prepare(
    `INSERT OR REPLACE INTO received_matches (item_id, sender_fingerprint, list_name, list_version, hash_type,
       value, distance, variant, category_id, status, found_at)
     VALUES (@itemId, @sender, @listName, @listVersion, @hashType, @value, @distance, @variant, @categoryId,
       @status, @foundAt)`,
  );
  for (const m of matches) put.run({ itemId, sender, ...m });
}

export interface ReceivedMatch extends BundleMatch {
  itemId: string;
  sender: string;
}

export function receivedMatches(db: Db, caseId: string): ReceivedMatch[] {
  return db
    .prepare(
      `SELECT m.item_id AS itemId, m.sender_fingerprint AS sender, list_name AS listName,
         list_version AS listVersion, hash_type AS hashType, value, distance, variant,
         category_id AS categoryId, status, found_at AS foundAt
       FROM received_matches m JOIN items i ON i.id = m.item_id WHERE i.case_id = ?
       ORDER BY m.item_id, list_name, distance`,
    )
    .all(caseId) as ReceivedMatch[];
}
