import type { Db } from '../store/db.ts';
import type {
  Item,
  ItemSummary,
  ItemFlag,
  ItemMetadata,
  ItemFilter,
  ItemKind,
  ItemFrame,
  ItemMedia,
  ItemSort,
} from '../../../shared/domain/item.ts';
import type { PreviewSize, RevealStep } from '../../../shared/domain/item.ts';
import { itemMediaSchema } from '../../../shared/domain/item.ts';
import { foldForSearch, searchTerms } from '../../../shared/domain/search-fold.ts';
import { BLOCKING_ITEM_CLAUSE, MATCHED_ITEM_CLAUSE } from '../hashlists/match.queries.ts';

export interface NewItemRow {
  id: string;
  caseId: string;
  kind: ItemKind;
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
  parentId?: string | null;
  pathInParent?: string | null;
  damaged?: string | null;
  eventAt?: string | null;
  facts?: Record<string, unknown>;
  links?: string[];
  language?: string | null;
}

export function insertItem(db: Db, r: NewItemRow): void {
  db.prepare(
    `INSERT INTO items (id, case_id, kind, mime, original_name, size, sha256, sha1, md5, pdq, pdq_quality,
       pdq_dihedral, width, height, metadata, flags, original_blob, created_at, parent_id, path_in_parent,
       damaged, event_at, facts, links, language)
     VALUES (@id, @caseId, @kind, @mime, @originalName, @size, @sha256, @sha1, @md5, @pdq, @pdqQuality,
       @pdqDihedral, @width, @height, @metadata, @flags, @originalBlob, @createdAt, @parentId,
       @pathInParent, @damaged, @eventAt, @facts, @links, @language)`,
  ).run({
    ...r,
    parentId: r.parentId ?? null,
    pathInParent: r.pathInParent ?? null,
    damaged: r.damaged ?? null,
    eventAt: r.eventAt ?? null,
    facts: JSON.stringify(r.facts ?? {}),
    links: JSON.stringify(r.links ?? []),
    language: r.language ?? null,
    pdqDihedral: r.pdqDihedral ? JSON.stringify(r.pdqDihedral) : null,
    metadata: JSON.stringify(r.metadata),
    flags: JSON.stringify(r.flags),
  });
}

/** `sourceBytes`: the raw name, kept only when it is not valid UTF-8 (see ingest/name-bytes.ts). */
export function insertAcquisition(
  db: Db,
  itemId: string,
  sourcePath: string,
  at: string,
  sourceBytes: Buffer | null = null,
): void {
  db.prepare(
    'INSERT INTO acquisitions (item_id, source_path, acquired_at, source_bytes) VALUES (?, ?, ?, ?)',
  ).run(itemId, sourcePath, at, sourceBytes);
}

/** Each acquisition's source name as raw bytes, in order: kept bytes, else the UTF-8 of the text. */
export function acquisitionSourceBytes(db: Db, itemId: string): Buffer[] {
  const rows = db
    .prepare('SELECT source_path, source_bytes FROM acquisitions WHERE item_id = ? ORDER BY id')
    .all(itemId) as { source_path: string; source_bytes: Buffer | null }[];
  return rows.map((r) => r.source_bytes ?? Buffer.from(r.source_path, 'utf8'));
}

/** One encrypted preview of an item's picture: its size, reveal variant and blob. */
export interface PreviewRow {
  itemId: string;
  size: PreviewSize;
  variant: RevealStep;
  blobId: string;
  mime: string;
  width: number;
  height: number;
}

export function insertPreview(db: Db, p: PreviewRow): void {
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
  is_opaque: number;
  acquired_again: number;
  created_at: string;
  parent_id: string | null;
  path_in_parent: string | null;
  child_count: number;
  damaged: string | null;
  event_at: string | null;
  category: string | null;
  severity: number | null;
  tags: string;
  matched: number;
  blocked: number;
}

interface ItemRow extends SummaryRow {
  sha256: string;
  sha1: string;
  md5: string;
  pdq: string | null;
  pdq_quality: number | null;
  pdq_dihedral: string | null;
  metadata: string;
  facts: string;
  language: string | null;
}

/**
 * Flags read from other columns rather than stored: an opaque item is one of kind 'opaque'; an item
 * acquired again has more than one acquisition. Stored flags hold what the file said (gps, animated).
 */
const DERIVED_FLAGS: Partial<Record<ItemFlag, string>> = {
  opaque: `i.kind = 'opaque'`,
  'duplicate-acquired': '(SELECT count(*) FROM acquisitions a WHERE a.item_id = i.id) > 1',
  damaged: 'i.damaged IS NOT NULL',
};

const SUMMARY_COLUMNS = `i.id, i.case_id, i.kind, i.mime, i.original_name, i.size, i.width, i.height, i.flags,
  ${DERIVED_FLAGS.opaque} AS is_opaque, ${DERIVED_FLAGS['duplicate-acquired']} AS acquired_again,
  i.created_at, i.parent_id, i.path_in_parent, (SELECT count(*) FROM items k WHERE k.parent_id = i.id) AS child_count, i.damaged, i.event_at, i.severity,
  (SELECT c.code FROM item_categories ic JOIN categories c ON c.id = ic.category_id WHERE ic.item_id = i.id AND c.scheme = 'custody') AS category,
  ${MATCHED_ITEM_CLAUSE} AS matched, ${BLOCKING_ITEM_CLAUSE} AS blocked,
  (SELECT json_group_array(t.name) FROM item_tags it JOIN tags t ON t.id = it.tag_id WHERE it.item_id = i.id) AS tags`;

function toSummary(r: SummaryRow): ItemSummary {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind as ItemKind,
    mime: r.mime,
    originalName: r.original_name,
    size: r.size,
    width: r.width,
    height: r.height,
    flags: [
      ...(r.is_opaque ? (['opaque'] as const) : []),
      ...(JSON.parse(r.flags) as ItemFlag[]),
      ...(r.acquired_again ? (['duplicate-acquired'] as const) : []),
      ...(r.damaged !== null ? (['damaged'] as const) : []),
    ],
    createdAt: r.created_at,
    parentId: r.parent_id,
    pathInParent: r.path_in_parent,
    childCount: r.child_count,
    damaged: r.damaged,
    eventAt: r.event_at,
    category: r.category,
    severity: r.severity,
    tags: (JSON.parse(r.tags) as string[]).sort(),
    ...(r.blocked ? { match: 'blocked' as const } : r.matched ? { match: 'match' as const } : {}),
  };
}

// Search folds in JavaScript (SQLite's lower() and LIKE know only ASCII): a word matches a file
// name (the first or any later acquisition's), a tag or a note; a hex word of 6 or more digits also
// matches the start of the MD5, SHA-1, SHA-256 or PDQ.
const FOLD_FN = 'custody_fold';
const NAME_FN = 'custody_fold_name';
const HEX_PREFIX = /^[0-9a-f]{6,}$/;
const TEXT_MATCH = `(instr(${FOLD_FN}(i.original_name), ?) > 0
  OR EXISTS (SELECT 1 FROM acquisitions a WHERE a.item_id = i.id AND instr(${NAME_FN}(a.source_path), ?) > 0)
  OR EXISTS (SELECT 1 FROM item_tags it JOIN tags t ON t.id = it.tag_id WHERE it.item_id = i.id AND instr(${FOLD_FN}(t.name), ?) > 0)
  OR EXISTS (SELECT 1 FROM notes n WHERE n.item_id = i.id AND instr(${FOLD_FN}(n.body), ?) > 0))`;
const HASH_MATCH = '(i.md5 LIKE ? OR i.sha1 LIKE ? OR i.sha256 LIKE ? OR i.pdq LIKE ?)';

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
const withFold = new WeakSet<Db>();
/** Registers the folding functions on a connection once. */
export function foldingOn(db: Db): Db {
  if (withFold.has(db)) return db;
  db.function(FOLD_FN, { deterministic: true }, (text) => foldForSearch(asText(text)));
  db.function(NAME_FN, { deterministic: true }, (path) =>
    foldForSearch(asText(path).replace(/^.*[\\/]/, '')),
  );
  withFold.add(db);
  return db;
}

/**
 * The WHERE of a filter. `similarIds` are the members of the case's near-duplicate groups (the
 * hash-list service groups them by PDQ); `filter.similar` keeps only those.
 */
function filterSql(
  filter: ItemFilter,
  similarIds: readonly string[],
): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.category === 'untriaged') {
    clauses.push(
      "NOT EXISTS (SELECT 1 FROM item_categories ic JOIN categories c ON c.id = ic.category_id WHERE ic.item_id = i.id AND c.scheme = 'custody')",
    );
  } else if (filter.category) {
    clauses.push(
      "EXISTS (SELECT 1 FROM item_categories ic JOIN categories c ON c.id = ic.category_id WHERE ic.item_id = i.id AND c.scheme = 'custody' AND c.code = ?)",
    );
    params.push(filter.category);
  }
  if (filter.matched) clauses.push(MATCHED_ITEM_CLAUSE);
  if (filter.similar) {
    clauses.push('i.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(similarIds));
  }
  if (filter.kind) {
    clauses.push('i.kind = ?');
    params.push(filter.kind);
  }
  if (filter.parentId) {
    clauses.push('i.parent_id = ?');
    params.push(filter.parentId);
  }
  if (filter.topLevel) clauses.push('i.parent_id IS NULL');
  if (filter.language) {
    clauses.push('i.language = ?');
    params.push(filter.language);
  }
  if (filter.flag) {
    const derived = DERIVED_FLAGS[filter.flag];
    if (derived) {
      clauses.push(derived);
    } else {
      clauses.push('EXISTS (SELECT 1 FROM json_each(i.flags) WHERE value = ?)');
      params.push(filter.flag);
    }
  }
  for (const term of searchTerms(filter.search ?? '')) {
    const hex = HEX_PREFIX.test(term);
    clauses.push(hex ? `(${TEXT_MATCH} OR ${HASH_MATCH})` : TEXT_MATCH);
    params.push(term, term, term, term);
    if (hex) params.push(`${term}%`, `${term}%`, `${term}%`, `${term}%`);
  }
  return { where: clauses.map((c) => ` AND ${c}`).join(''), params };
}

/** ORDER BY for each sort; acquisition order breaks ties, so pages never overlap. */
const ORDER_BY: Record<ItemSort, string> = {
  event: 'i.event_at IS NULL, i.event_at, i.created_at, i.id',
  acquired: 'i.created_at, i.id',
  name: `${FOLD_FN}(i.original_name), i.created_at, i.id`,
  size: 'i.size, i.created_at, i.id',
  kind: 'i.kind, i.created_at, i.id',
};

export function selectItemSummaries(
  db: Db,
  caseId: string,
  filter: ItemFilter,
  offset: number,
  limit: number,
  sort: ItemSort = 'acquired',
  similarIds: readonly string[] = [],
): { items: ItemSummary[]; total: number } {
  const { where, params } = filterSql(filter, similarIds);
  foldingOn(db);
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM items i WHERE i.case_id = ?${where} ORDER BY ${ORDER_BY[sort]} LIMIT ? OFFSET ?`,
    )
    .all(caseId, ...params, limit, offset) as SummaryRow[];
  const total = db
    .prepare(`SELECT count(*) FROM items i WHERE i.case_id = ?${where}`)
    .pluck()
    .get(caseId, ...params) as number;
  return { items: rows.map(toSummary), total };
}

export function selectItem(
  db: Db,
  id: string,
): Omit<Item, 'notes' | 'exposureSeconds'> | undefined {
  const r = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, i.sha256, i.sha1, i.md5, i.pdq, i.pdq_quality, i.pdq_dihedral, i.metadata, i.facts, i.language FROM items i WHERE i.id = ?`,
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
    pdqDihedral: r.pdq_dihedral ? (JSON.parse(r.pdq_dihedral) as string[]) : null,
    metadata: JSON.parse(r.metadata) as ItemMetadata | null,
    media: mediaFacts(r.facts),
    frames: selectFrames(db, id),
    facts: JSON.parse(r.facts) as Record<string, unknown>,
    language: r.language,
    acquisitions,
  };
}

/** The `media` facts a video or audio extractor stored, checked against the schema, or null. */
function mediaFacts(facts: string): ItemMedia | null {
  const parsed = itemMediaSchema.safeParse((JSON.parse(facts) as { media?: unknown }).media);
  return parsed.success ? parsed.data : null;
}

export function selectFrames(db: Db, itemId: string): ItemFrame[] {
  return db
    .prepare(
      `SELECT idx, time_seconds AS timeSeconds, page, pdq, pdq_quality AS quality, width, height
       FROM item_frames WHERE item_id = ? ORDER BY idx`,
    )
    .all(itemId) as ItemFrame[];
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

/** The reveal steps an item has a preview for: none for opaque or undecodable items. */
export function previewVariants(db: Db, itemId: string): RevealStep[] {
  return db
    .prepare('SELECT DISTINCT variant FROM previews WHERE item_id = ?')
    .pluck()
    .all(itemId) as RevealStep[];
}

/** Every item found inside these items, at any depth (attachments, archive members). */
export function descendantIds(db: Db, itemIds: readonly string[]): string[] {
  if (itemIds.length === 0) return [];
  return db
    .prepare(
      `WITH RECURSIVE below(id) AS (
         SELECT id FROM items WHERE parent_id IN (SELECT value FROM json_each(?))
         UNION SELECT i.id FROM items i JOIN below b ON i.parent_id = b.id)
       SELECT id FROM below`,
    )
    .pluck()
    .all(JSON.stringify(itemIds)) as string[];
}

/** The languages detected in a case's text layers, each once, in code order (the grid's filter). */
export function selectCaseLanguages(db: Db, caseId: string): string[] {
  return db
    .prepare(
      'SELECT DISTINCT language FROM items WHERE case_id = ? AND language IS NOT NULL ORDER BY language',
    )
    .pluck()
    .all(caseId) as string[];
}
