// What was read from an item's content, beside its row: the text layer (its blob and encoding),
// its dated events, and its frames with their previews (migrations 0005 and 0006).
import type { Db } from '../store/db.ts';
import type { ExtractedEvent } from '../extract/extract-result.ts';
import type { PreviewRow } from './item.queries.ts';
import type { PreviewSize, RevealStep } from '../../../shared/domain/item.ts';

export interface TextLayerRow {
  itemId: string;
  blobId: string;
  encoding: string | null;
  detectedEncoding: string | null;
  chars: number;
}

export function insertTextLayer(db: Db, r: TextLayerRow): void {
  db.prepare(
    `INSERT INTO text_layers (item_id, blob_id, encoding, detected_encoding, chars)
     VALUES (@itemId, @blobId, @encoding, @detectedEncoding, @chars)`,
  ).run(r);
}

export function selectTextLayer(db: Db, itemId: string): TextLayerRow | undefined {
  return db
    .prepare(
      `SELECT item_id AS itemId, blob_id AS blobId, encoding, detected_encoding AS detectedEncoding, chars
       FROM text_layers WHERE item_id = ?`,
    )
    .get(itemId) as TextLayerRow | undefined;
}

export function insertEvents(db: Db, itemId: string, events: readonly ExtractedEvent[]): void {
  const insert = db.prepare(
    'INSERT INTO item_events (item_id, idx, at, who, text, line) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const [idx, e] of events.entries()) insert.run(itemId, idx, e.at, e.who, e.text, e.line);
}

export function selectEvents(db: Db, itemId: string): ExtractedEvent[] {
  return db
    .prepare('SELECT at, who, text, line FROM item_events WHERE item_id = ? ORDER BY idx')
    .all(itemId) as ExtractedEvent[];
}

export interface FrameRow {
  itemId: string;
  idx: number;
  timeSeconds: number | null;
  page: number | null;
  pdq: string | null;
  pdqQuality: number | null;
  width: number;
  height: number;
}

export function insertFrame(db: Db, f: FrameRow): void {
  db.prepare(
    `INSERT INTO item_frames (item_id, idx, time_seconds, page, pdq, pdq_quality, width, height)
     VALUES (@itemId, @idx, @timeSeconds, @page, @pdq, @pdqQuality, @width, @height)`,
  ).run(f);
}

/** A still's previews are an item picture's, one per frame index. */
export function insertFramePreview(db: Db, p: PreviewRow & { idx: number }): void {
  db.prepare(
    `INSERT INTO frame_previews (item_id, idx, size, variant, blob_id, mime, width, height)
     VALUES (@itemId, @idx, @size, @variant, @blobId, @mime, @width, @height)`,
  ).run(p);
}

/** The reveal steps one still of the item has a preview for. */
export function framePreviewVariants(db: Db, itemId: string, idx: number): RevealStep[] {
  return db
    .prepare('SELECT DISTINCT variant FROM frame_previews WHERE item_id = ? AND idx = ?')
    .pluck()
    .all(itemId, idx) as RevealStep[];
}

/** A still's time in the video, for the custody entry of its unveiling. */
export function frameTime(db: Db, itemId: string, idx: number): number | null {
  return (db
    .prepare('SELECT time_seconds FROM item_frames WHERE item_id = ? AND idx = ?')
    .pluck()
    .get(itemId, idx) ?? null) as number | null;
}

/**
 * A still's preview blob: `idx` null means the item's first still, which stands for a video in
 * the grid (veiled, as every tile is).
 */
export function selectFramePreviewBlob(
  db: Db,
  itemId: string,
  idx: number | null,
  size: PreviewSize,
  variant: RevealStep,
): { caseId: string; blobId: string; mime: string } | undefined {
  return db
    .prepare(
      `SELECT i.case_id AS caseId, p.blob_id AS blobId, p.mime AS mime
       FROM frame_previews p JOIN items i ON i.id = p.item_id
       WHERE p.item_id = ? AND p.size = ? AND p.variant = ? AND (p.idx = ? OR ? IS NULL)
       ORDER BY p.idx LIMIT 1`,
    )
    .get(itemId, size, variant, idx, idx) as
    { caseId: string; blobId: string; mime: string } | undefined;
}
