// What a packet reads beyond items and cases: triage (categories, severity, tags), notes, and the
// blobs of an item's original and veiled thumbnail. Tables may be empty while triage is young.
import type { Db } from '../store/db.ts';

export interface PacketNote {
  id: string;
  body: string;
  createdAt: string;
}

export interface ItemExtras {
  originalBlob: string;
  kind: string;
  severity: number | null;
  categories: { scheme: string; code: string; label: string }[];
  tags: string[];
  notes: PacketNote[];
}

export function caseItemIds(db: Db, caseId: string): string[] {
  return db
    .prepare('SELECT id FROM items WHERE case_id = ? ORDER BY created_at, id')
    .pluck()
    .all(caseId) as string[];
}

export function itemExtras(db: Db, itemId: string): ItemExtras | undefined {
  const row = db
    .prepare('SELECT original_blob, kind, severity FROM items WHERE id = ?')
    .get(itemId) as { original_blob: string; kind: string; severity: number | null } | undefined;
  if (!row) return undefined;
  const categories = db
    .prepare(
      `SELECT c.scheme, c.code, c.label FROM item_categories ic JOIN categories c ON c.id = ic.category_id
       WHERE ic.item_id = ? ORDER BY c.scheme, c.position, c.code`,
    )
    .all(itemId) as ItemExtras['categories'];
  const tags = db
    .prepare(
      'SELECT t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id WHERE it.item_id = ? ORDER BY t.name',
    )
    .pluck()
    .all(itemId) as string[];
  return {
    originalBlob: row.original_blob,
    kind: row.kind,
    severity: row.severity,
    categories,
    tags,
    notes: itemNotes(db, itemId),
  };
}

export function itemNotes(db: Db, itemId: string): PacketNote[] {
  return db
    .prepare(
      'SELECT id, body, created_at AS createdAt FROM notes WHERE item_id = ? ORDER BY created_at, id',
    )
    .all(itemId) as PacketNote[];
}

/** Notes on the case itself rather than on one item. */
export function caseNotes(db: Db, caseId: string): PacketNote[] {
  return db
    .prepare(
      `SELECT id, body, created_at AS createdAt FROM notes
       WHERE case_id = ? AND item_id IS NULL ORDER BY created_at, id`,
    )
    .all(caseId) as PacketNote[];
}

export function veiledThumbBlob(
  db: Db,
  itemId: string,
): { blobId: string; mime: string } | undefined {
  return db
    .prepare(
      `SELECT blob_id AS blobId, mime FROM previews WHERE item_id = ? AND size = 'thumb' AND variant = 'veiled'`,
    )
    .get(itemId) as { blobId: string; mime: string } | undefined;
}
