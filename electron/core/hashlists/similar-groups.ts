// Near-duplicates inside a case: items whose PDQ (any rotation or flip) is within 31 bits of
// another's, joined transitively into groups. The same picture reposted by many accounts is a
// disinformation signal; a group also lets one decision settle its copies.
import type { Db } from '../store/db.ts';
import { PDQ_MATCH_THRESHOLD, PDQ_MIN_USEFUL_QUALITY } from '../media/pdq/index.ts';
import type { SimilarGroup } from '../../../shared/domain/hashlist.ts';
import { PdqIndex } from './pdq-index.ts';

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
  const parent = items.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const maxDistance = new Map<number, number>();
  items.forEach((item, i) => {
    for (const hash of item.dihedral)
      for (const hit of index.query(hash, threshold)) {
        if (hit.index === i) continue;
        const a = root(i);
        const b = root(hit.index);
        const d = Math.max(hit.distance, maxDistance.get(a) ?? 0, maxDistance.get(b) ?? 0);
        parent[b] = a;
        maxDistance.set(a, d);
      }
  });
  const groups = new Map<number, string[]>();
  items.forEach((item, i) => {
    const r = root(i);
    groups.set(r, [...(groups.get(r) ?? []), item.id]);
  });
  return [...groups.entries()]
    .filter(([, ids]) => ids.length > 1)
    .map(([r, itemIds]) => ({ itemIds, maxDistance: maxDistance.get(r) ?? 0 }));
}
