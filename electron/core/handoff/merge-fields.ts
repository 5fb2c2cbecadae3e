// Merging a returned case's own fields and an item's labels against what this side has and what it
// sent (the base): a change made on one side only is taken; a change made on both sides, to
// different values, leaves this side's value in place and becomes a conflict for the reviewer.
import type { Db } from '../store/db.ts';
import type { Json } from '../custody/canonical.ts';
import type { Case } from '../../../shared/domain/case.ts';
import { selectCase, updateCaseRow } from '../cases/case.queries.ts';
import type { BundleItem, BundleManifest } from './bundle-format.ts';
import { insertConflict } from './handoff.queries.ts';

/** The case fields a colleague may change and that are merged back, one by one. */
export const MERGED_CASE_FIELDS = [
  'title',
  'kind',
  'emergency',
  'languages',
  'externalRefs',
  'notes',
  'reportedAccounts',
  'incidents',
  'incidentAt',
] as const;
export type MergedCaseField = (typeof MERGED_CASE_FIELDS)[number];
export type CaseFieldValues = Partial<Record<MergedCaseField, unknown>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What the case's fields were when it was sent: the base of the merge when it comes back. */
export function caseFieldValues(c: BundleManifest['case'] | Case): CaseFieldValues {
  return Object.fromEntries(MERGED_CASE_FIELDS.map((f) => [f, c[f]]));
}

/**
 * The three-way rule for one value: `take` when only the colleague changed it, `conflict` when
 * both changed it differently, `keep` otherwise. A missing base (a case sent before bases were
 * kept) counts every difference as a conflict.
 */
export function mergeRule(
  ours: unknown,
  theirs: unknown,
  base: { value: unknown } | null,
): 'keep' | 'take' | 'conflict' {
  if (same(ours, theirs)) return 'keep';
  if (base && same(theirs, base.value)) return 'keep';
  if (base && same(ours, base.value)) return 'take';
  return 'conflict';
}

/** Merges a returned case's fields; returns how many became conflicts. */
export function mergeCaseFields(
  db: Db,
  theirs: BundleManifest['case'],
  base: CaseFieldValues,
  from: string,
  at: string,
): number {
  const ours = selectCase(db, theirs.id);
  if (!ours) return 0;
  const next: Case = { ...ours };
  let conflicts = 0;
  for (const field of MERGED_CASE_FIELDS) {
    const rule = mergeRule(
      ours[field],
      theirs[field],
      field in base ? { value: base[field] } : null,
    );
    if (rule === 'take') (next as Record<MergedCaseField, unknown>)[field] = theirs[field];
    if (rule === 'conflict') {
      conflicts++;
      insertConflict(db, {
        caseId: ours.id,
        itemId: null,
        field,
        ours: ours[field] as Json,
        theirs: theirs[field] as Json,
        colleague: from,
        createdAt: at,
      });
    }
  }
  if (!same(next, ours)) updateCaseRow(db, { ...next, updatedAt: at });
  return conflicts;
}

/** The item's label in one scheme other than Custody's own, or null. */
function labelIn(db: Db, itemId: string, scheme: string): string | null {
  return (
    (db
      .prepare(
        'SELECT ic.category_id FROM item_categories ic JOIN categories c ON c.id = ic.category_id WHERE ic.item_id = ? AND c.scheme = ?',
      )
      .pluck()
      .get(itemId, scheme) as string | undefined) ?? null
  );
}

/**
 * Takes the item's labels in the other schemes: a scheme this side has no label in gets the
 * colleague's; a different label in the same scheme is a conflict (`from` set: a returned case) or
 * left as this side has it. Labels of a scheme this vault does not know are dropped.
 */
export function mergeLabels(
  db: Db,
  caseId: string,
  item: BundleItem,
  from: { fingerprint: string; at: string } | null,
): number {
  let conflicts = 0;
  for (const label of item.labels) {
    const scheme = db.prepare('SELECT scheme FROM categories WHERE id = ?').pluck().get(label) as
      string | undefined;
    if (!scheme || scheme === 'custody') continue;
    const ours = labelIn(db, item.id, scheme);
    if (ours === label) continue;
    if (ours === null) {
      db.prepare(
        'INSERT INTO item_categories (item_id, category_id, assigned_at) VALUES (?, ?, ?)',
      ).run(item.id, label, from?.at ?? new Date().toISOString());
    } else if (from) {
      conflicts++;
      insertConflict(db, {
        caseId,
        itemId: item.id,
        field: `label:${scheme}`,
        ours,
        theirs: label,
        colleague: from.fingerprint,
        createdAt: from.at,
      });
    }
  }
  return conflicts;
}
