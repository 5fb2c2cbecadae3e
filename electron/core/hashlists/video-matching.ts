// Videos against the lists by Meta's vPDQ (ThreatExchange vpdq/, python-threatexchange's
// vpdq_util): a video is the bag of its stills' PDQ hashes (item_frames) and of the frames a
// second hashed in the background (second_frames), as far as that pass has got. Each useful frame
// (quality ≥ 50) is looked up in the PDQ lists like a picture, so a known image inside a video is
// found; a list video (`vpdq` entries) matches when at least 80 % of the item's unique useful
// frames lie within 31 bits of one of its frames (the compared side's share must be ≥ 0 %, which
// always holds). Two videos of a case are similar by the same rule, either way round.
import type { Db } from '../store/db.ts';
import { compareVpdq, type VpdqFeature } from '../extract/video/vpdq.ts';
import { PDQ_MIN_USEFUL_QUALITY } from '../media/pdq/index.ts';
import type { NewMatch } from './match.queries.ts';
import type { PdqListIndex, Scope } from './item-matching.ts';
import { parseVpdq } from './hash-types.ts';

/** A frame and how a match names it: `frame N` (the storyboard's still N) or `second N`. */
export interface LabelledFeature extends VpdqFeature {
  label: string;
}

export interface VideoFrames {
  id: string;
  features: LabelledFeature[];
}

/** The frames of every item that has PDQ-hashed stills (videos, and PDF pages). */
export function videoFrames(
  db: Db,
  scope: { itemIds?: readonly string[]; caseId?: string },
): VideoFrames[] {
  const sql = `SELECT f.item_id AS id, 'frame ' || f.idx AS label, f.idx AS frame,
      f.time_seconds AS t, f.pdq, f.pdq_quality AS q, 0 AS part
    FROM item_frames f JOIN items i ON i.id = f.item_id
    WHERE f.pdq IS NOT NULL AND i.kind = 'video' ${scope.caseId ? 'AND i.case_id = @caseId' : ''}
      ${scope.itemIds ? 'AND f.item_id = @itemId' : ''}
    UNION ALL
    SELECT s.item_id, 'second ' || s.second, s.frame, s.time_seconds, s.pdq, s.quality, 1
    FROM second_frames s JOIN items i ON i.id = s.item_id
    WHERE 1 ${scope.caseId ? 'AND i.case_id = @caseId' : ''}
      ${scope.itemIds ? 'AND s.item_id = @itemId' : ''}
    ORDER BY 1, part, frame`;
  const stmt = db.prepare(sql);
  type Row = {
    id: string;
    label: string;
    frame: number;
    t: number | null;
    pdq: string;
    q: number | null;
  };
  const run = (itemId?: string) =>
    stmt.all({
      ...(scope.caseId ? { caseId: scope.caseId } : {}),
      ...(itemId ? { itemId } : {}),
    }) as Row[];
  const rows = scope.itemIds ? scope.itemIds.flatMap((id) => run(id)) : run();
  const byItem = new Map<string, LabelledFeature[]>();
  for (const r of rows) {
    const features = byItem.get(r.id) ?? [];
    features.push({
      frame: r.frame,
      quality: r.q ?? 0,
      hash: r.pdq,
      timestamp: r.t ?? 0,
      label: r.label,
    });
    byItem.set(r.id, features);
  }
  return [...byItem].map(([id, features]) => ({ id, features }));
}

/** Each list PDQ hash near one of the video's useful frames, with the closest frame. */
export function framePdqMatches(idx: PdqListIndex, video: VideoFrames): NewMatch[] {
  if (idx.index.size === 0) return [];
  const best = new Map<number, { distance: number; label: string }>();
  for (const f of video.features) {
    if (f.quality < PDQ_MIN_USEFUL_QUALITY) continue;
    for (const hit of idx.index.query(f.hash, idx.maxThreshold)) {
      const seen = best.get(hit.index);
      if (!seen || hit.distance < seen.distance)
        best.set(hit.index, { distance: hit.distance, label: f.label });
    }
  }
  const out: NewMatch[] = [];
  for (const [i, { distance, label }] of best) {
    const e = idx.entries[i];
    const list = e && idx.lists.get(e.listId);
    if (!e || !list || distance > list.threshold) continue;
    out.push({
      itemId: video.id,
      listId: e.listId,
      listVersion: list.version,
      hashType: 'pdq',
      value: e.value,
      distance,
      variant: label,
      categoryId: e.categoryId,
      negative: e.negative,
    });
  }
  return out;
}

/** The videos that match a list video by the vPDQ rule (the list's threshold as frame distance). */
export function vpdqMatches(db: Db, videos: readonly VideoFrames[], scope: Scope): NewMatch[] {
  if (!videos.length) return [];
  const entries = db
    .prepare(
      `SELECT e.list_id AS listId, l.version AS listVersion, l.threshold, e.value,
         e.category_id AS categoryId, e.negative
       FROM hash_list_entries e JOIN hash_lists l ON l.id = e.list_id
       WHERE e.hash_type = 'vpdq' AND l.enabled = 1 ${scope.listId ? 'AND l.id = ?' : ''}`,
    )
    .all(...(scope.listId ? [scope.listId] : [])) as Array<{
    listId: string;
    listVersion: number;
    threshold: number;
    value: string;
    categoryId: string | null;
    negative: number;
  }>;
  const out: NewMatch[] = [];
  for (const e of entries) {
    const target = parseVpdq(e.value);
    if (!target.ok) continue;
    for (const video of videos) {
      const c = compareVpdq(video.features, target.features, e.threshold);
      if (!c.matches) continue;
      out.push({
        itemId: video.id,
        listId: e.listId,
        listVersion: e.listVersion,
        hashType: 'vpdq',
        value: e.value,
        distance: c.maxDistance,
        variant: vpdqVariant(c.queryMatchPercent, c.targetMatchPercent),
        categoryId: e.categoryId,
        negative: e.negative === 1,
      });
    }
  }
  return out;
}

/** How much of each video matched, as the match's variant ("frames 92% / 100%"). */
export const vpdqVariant = (query: number, compared: number) =>
  `frames ${Math.round(query)}% / ${Math.round(compared)}%`;
