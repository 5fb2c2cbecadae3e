import type { Db } from '../store/db.ts';
import type { Item, ItemSummary, ItemFlag, ItemMetadata } from '../../../shared/domain/item.ts';
import type { PreviewSize, RevealStep } from '../../../shared/domain/item.ts';

export interface NewItemRow {
  id: string;
  caseId: string;
  kind: 'image' | 'opaque';
  mime: string;
  originalName: string;
  size: number;
  sha256: string;
  sha1: string;
  md5: string;
  pdq: string | null;
  pdqQuality: number | null;
  pdqDihedral: string[] | null;
  width: number | null;
  height: number | null;
  metadata: ItemMetadata | null;
  flags: ItemFlag[];
  originalBlob: string;
  createdAt: string;
}

export function insertItem(db: Db, r: NewItemRow): void {
  db.prepare(
    `INSERT INTO items (id, case_id, kind, mime, original_name, size, sha256, sha1, md5, pdq, pdq_quality,
       pdq_dihedral, width, height, metadata, flags, original_blob, created_at)
     VALUES (@id, @caseId, @kind, @mime, @originalName, @size, @sha256, @sha1, @md5, @pdq, @pdqQuality,
       @pdqDihedral, @width, @height, @metadata, @flags, @originalBlob, @createdAt)`,
  ).run({
    ...r,
    pdqDihedral: r.pdqDihedral ? JSON.stringify(r.pdqDihedral) : null,
    metadata: JSON.stringify(r.metadata),
    flags: JSON.stringify(r.flags),
  });
}

export function insertAcquisition(db: Db, itemId: string, sourcePath: string, at: string): void {
  db.prepare('INSERT INTO acquisitions (item_id, source_path, acquired_at) VALUES (?, ?, ?)').run(
    itemId,
    sourcePath,
    at,
  );
}

export function insertPreview(
  db: Db,
  p: {
    itemId: string;
    size: PreviewSize;
    variant: RevealStep;
    blobId: string;
    mime: string;
    width: number;
    height: number;
  },
): void {
  db.prepare(
    `INSERT INTO previews (item_id, size, variant, blob_id, mime, width, height)
     VALUES (@itemId, @size, @variant, @blobId, @mime, @width, @height)`,
  ).run(p);
}

export function itemIdBySha256(db: Db, caseId: string, sha256: string): string | undefined {
  return db
    .prepare('SELECT id FROM items WHERE case_id = ? AND sha256 = ?')
    .pluck()
    .get(caseId, sha256) as string | undefined;
}

export function addItemFlag(db: Db, itemId: string, flag: ItemFlag): void {
  const raw = db.prepare('SELECT flags FROM items WHERE id = ?').pluck().get(itemId) as
    string | undefined;
  if (raw === undefined) return;
  const flags = JSON.parse(raw) as ItemFlag[];
  if (flags.includes(flag)) return;
  db.prepare('UPDATE items SET flags = ? WHERE id = ?').run(
    JSON.stringify([...flags, flag]),
    itemId,
  );
}

interface SummaryRow {
  id: string;
  case_id: string;
  kind: string;
  mime: string;
  original_name: string;
  size: number;
  width: number | null;
  height: number | null;
  flags: string;
  created_at: string;
}

interface ItemRow extends SummaryRow {
  sha256: string;
  sha1: string;
  md5: string;
  pdq: string | null;
  pdq_quality: number | null;
  metadata: string;
}

const SUMMARY_COLUMNS =
  'id, case_id, kind, mime, original_name, size, width, height, flags, created_at';

function toSummary(r: SummaryRow): ItemSummary {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind as ItemSummary['kind'],
    mime: r.mime,
    originalName: r.original_name,
    size: r.size,
    width: r.width,
    height: r.height,
    flags: JSON.parse(r.flags) as ItemFlag[],
    createdAt: r.created_at,
  };
}

export function selectItemSummaries(
  db: Db,
  caseId: string,
  offset: number,
  limit: number,
): ItemSummary[] {
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM items WHERE case_id = ? ORDER BY created_at, id LIMIT ? OFFSET ?`,
    )
    .all(caseId, limit, offset) as SummaryRow[];
  return rows.map(toSummary);
}

export function countItems(db: Db, caseId: string): number {
  return db.prepare('SELECT count(*) FROM items WHERE case_id = ?').pluck().get(caseId) as number;
}

export function selectItem(db: Db, id: string): Item | undefined {
  const r = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, sha256, sha1, md5, pdq, pdq_quality, metadata FROM items WHERE id = ?`,
    )
    .get(id) as ItemRow | undefined;
  if (!r) return undefined;
  const acquisitions = db
    .prepare(
      'SELECT source_path AS sourcePath, acquired_at AS acquiredAt FROM acquisitions WHERE item_id = ? ORDER BY id',
    )
    .all(id) as Item['acquisitions'];
  return {
    ...toSummary(r),
    sha256: r.sha256,
    sha1: r.sha1,
    md5: r.md5,
    pdq: r.pdq,
    pdqQuality: r.pdq_quality,
    metadata: JSON.parse(r.metadata) as ItemMetadata | null,
    acquisitions,
  };
}

export function selectPreviewBlob(
  db: Db,
  itemId: string,
  size: PreviewSize,
  variant: RevealStep,
): { caseId: string; blobId: string; mime: string } | undefined {
  return db
    .prepare(
      `SELECT i.case_id AS caseId, p.blob_id AS blobId, p.mime AS mime
       FROM previews p JOIN items i ON i.id = p.item_id
       WHERE p.item_id = ? AND p.size = ? AND p.variant = ?`,
    )
    .get(itemId, size, variant) as { caseId: string; blobId: string; mime: string } | undefined;
}

export function itemCaseId(db: Db, itemId: string): string | undefined {
  return db.prepare('SELECT case_id FROM items WHERE id = ?').pluck().get(itemId) as
    string | undefined;
}
