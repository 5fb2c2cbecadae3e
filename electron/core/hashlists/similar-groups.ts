// Near-duplicates inside a case: items whose PDQ (any rotation or flip) is within 31 bits of
// another's, joined transitively into groups. The same picture reposted by many accounts is a
// disinformation signal; a group also lets one decision settle its copies. Videos join by vPDQ.
import type { Db } from '../store/db.ts';
import { PDQ_MATCH_THRESHOLD, PDQ_MIN_USEFUL_QUALITY } from '../media/pdq/index.ts';
import type { SimilarGroup } from '../../../shared/domain/hashlist.ts';
import { PdqIndex } from './pdq-index.ts';
import { compareVpdq } from '../extract/video/vpdq.ts';
import { videoFrames } from './video-matching.ts';

/**
 * What a case's groups depend on, cheap to read: items are only ever added (never changed or
 * removed one by one), each with its PDQ; a video's stills come with it. A different stamp means
 * the groups must be made again.
 */
export function similarityStamp(db: Db, caseId: string): string {
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM items WHERE case_id = @caseId) AS items,
              (SELECT max(created_at) FROM items WHERE case_id = @caseId) AS latest,
              (SELECT count(*) FROM item_frames f JOIN items i ON i.id = f.item_id
                 WHERE i.case_id = @caseId AND f.pdq IS NOT NULL) AS frames`,
    )
    .get({ caseId }) as { items: number; latest: string | null; frames: number };
  return `${row.items}/${row.latest ?? ''}/${row.frames}`;
}

export function similarGroups(
  db: Db,
  caseId: string,
  threshold = PDQ_MATCH_THRESHOLD,
): SimilarGroup[] {
  const items = (
    db
      .prepare(
        `SELECT id, pdq, pdq_dihedral FROM items WHERE case_id = ? AND pdq IS NOT NULL
           AND pdq_dihedral IS NOT NULL AND pdq_quality >= ? ORDER BY created_at, id`,
      )
      .all(caseId, PDQ_MIN_USEFUL_QUALITY) as Array<{
      id: string;
      pdq: string;
      pdq_dihedral: string;
    }>
  ).map((r) => ({ id: r.id, pdq: r.pdq, dihedral: JSON.parse(r.pdq_dihedral) as string[] }));
  const index = new PdqIndex(items.map((i) => i.pdq));
  const groups = new Groups();
  items.forEach((item, i) => {
    for (const hash of item.dihedral)
      for (const hit of index.query(hash, threshold))
        if (hit.index !== i) groups.join(item.id, items[hit.index]!.id, hit.distance);
  });
  // Videos by vPDQ: similar when either one's frames are mostly (80 %) within reach of the other's.
  const videos = videoFrames(db, { caseId });
  videos.forEach((a, i) => {
    for (const b of videos.slice(i + 1)) {
      const ab = compareVpdq(a.features, b.features, threshold);
      const ba = compareVpdq(b.features, a.features, threshold);
      if (ab.matches || ba.matches)
        groups.join(a.id, b.id, Math.max(ab.maxDistance, ba.maxDistance));
    }
  });
  return groups.list();
}

/** Union-find over item ids, keeping the largest linking distance of each group. */
class Groups {
  readonly #parent = new Map<string, string>();
  readonly #order: string[] = [];
  readonly #maxDistance = new Map<string, number>();

  add(id: string): void {
    if (this.#parent.has(id)) return;
    this.#parent.set(id, id);
    this.#order.push(id);
  }

  root(id: string): string {
    let r = id;
    while (this.#parent.get(r) !== r) r = this.#parent.get(r)!;
    this.#parent.set(id, r);
    return r;
  }

  join(a: string, b: string, distance: number): void {
    this.add(a);
    this.add(b);
    const ra = this.root(a);
    const rb = this.root(b);
    const d = Math.max(distance, this.#maxDistance.get(ra) ?? 0, this.#maxDistance.get(rb) ?? 0);
    this.#parent.set(rb, ra);
    this.#maxDistance.set(ra, d);
  }

  list(): SimilarGroup[] {
    const members = new Map<string, string[]>();
    for (const id of this.#order) {
      const r = this.root(id);
      members.set(r, [...(members.get(r) ?? []), id]);
    }
    return [...members]
      .filter(([, ids]) => ids.length > 1)
      .map(([r, itemIds]) => ({ itemIds, maxDistance: this.#maxDistance.get(r) ?? 0 }));
  }
}
