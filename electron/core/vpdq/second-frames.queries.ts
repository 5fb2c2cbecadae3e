// A video's frames one a second and how far their background pass has got (migration 0011).
import type { Db } from '../store/db.ts';
import type { SecondFrame } from '../extract/video/second-frames.ts';

export interface SecondFrameRow {
  second: number;
  frame: number;
  timeSeconds: number;
  pdq: string;
  quality: number;
}

export interface PassRow {
  hashedUntil: number;
  startedAt: string;
  finishedAt: string | null;
  failed: string | null;
}

/** A video the pass has work for: never started, or started and neither finished nor failed. */
export interface PendingVideo {
  itemId: string;
  caseId: string;
  blobId: string;
  durationSeconds: number;
  fps: number | null;
}

const PENDING = `
  SELECT i.id AS itemId, i.case_id AS caseId, i.original_blob AS blobId,
    json_extract(i.facts, '$.media.durationSeconds') AS durationSeconds,
    json_extract(i.facts, '$.media.fps') AS fps
  FROM items i LEFT JOIN second_frames_progress p ON p.item_id = i.id
  WHERE i.kind = 'video' AND json_extract(i.facts, '$.media.durationSeconds') > 0
    AND p.finished_at IS NULL AND p.failed IS NULL`;

/** The oldest video with frames left to hash (or `itemId`, if it has any left). */
export function nextPendingVideo(db: Db, itemId?: string): PendingVideo | undefined {
  const sql = `${PENDING} ${itemId === undefined ? '' : 'AND i.id = ?'} ORDER BY i.created_at, i.id LIMIT 1`;
  return db.prepare(sql).get(...(itemId === undefined ? [] : [itemId])) as PendingVideo | undefined;
}

export function selectPass(db: Db, itemId: string): PassRow | undefined {
  return db
    .prepare(
      `SELECT hashed_until AS hashedUntil, started_at AS startedAt, finished_at AS finishedAt, failed
       FROM second_frames_progress WHERE item_id = ?`,
    )
    .get(itemId) as PassRow | undefined;
}

export function startPass(db: Db, itemId: string, at: string): void {
  db.prepare(
    'INSERT OR IGNORE INTO second_frames_progress (item_id, started_at) VALUES (?, ?)',
  ).run(itemId, at);
}

/** One batch, in one transaction with how far the pass has got. */
export function insertSecondFrames(
  db: Db,
  itemId: string,
  frames: readonly SecondFrame[],
  fps: number | null,
): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO second_frames (item_id, second, frame, time_seconds, pdq, quality)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const until = db.prepare(
    'UPDATE second_frames_progress SET hashed_until = max(hashed_until, ?) WHERE item_id = ?',
  );
  db.transaction(() => {
    for (const f of frames) {
      const frame = Math.round(f.timeSeconds * (fps ?? 0));
      insert.run(itemId, f.second, frame, f.timeSeconds, f.pdq, f.quality);
    }
    const last = frames.at(-1);
    if (last) until.run(last.second + 1, itemId);
  })();
}

/** The pass is over: read to the end, or stopped for good with `failed` as the reason. */
export function endPass(
  db: Db,
  itemId: string,
  at: string,
  untilSecond: number,
  failed: string | null,
): void {
  db.prepare(
    `UPDATE second_frames_progress SET finished_at = ?, failed = ?,
       hashed_until = max(hashed_until, ?) WHERE item_id = ?`,
  ).run(failed === null ? at : null, failed, untilSecond, itemId);
}

export function selectSecondFrames(db: Db, itemId: string): SecondFrameRow[] {
  return db
    .prepare(
      `SELECT second, frame, time_seconds AS timeSeconds, pdq, quality
       FROM second_frames WHERE item_id = ? ORDER BY second`,
    )
    .all(itemId) as SecondFrameRow[];
}

export function countSecondFrames(db: Db, itemId: string): number {
  return db
    .prepare('SELECT count(*) FROM second_frames WHERE item_id = ?')
    .pluck()
    .get(itemId) as number;
}
