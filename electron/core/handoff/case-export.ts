// Everything of a case that travels in a handoff bundle, read in one go: its fields, each item with
// its triage (category, labels in every scheme, tags), hash-list matches, acquisitions, original,
// previews, text layer, events and frames, its notes, and the files to put in the ZIP. The
// originals stream from the blob store when the ZIP is written; previews and text are read here.
import { createHash } from 'node:crypto';
import type { UnlockedVault } from '../vault/vault.ts';
import type { ZipSource } from '../packets/zip-write.ts';
import { selectCase } from '../cases/case.queries.ts';
import { itemCategoryCode, itemTags } from '../triage/triage.queries.ts';
import { itemExposureSeconds } from '../exposure/exposure.service.ts';
import { NotFoundError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { selectEvents, selectTextLayer } from '../items/item-content.queries.ts';
import type { BundleItem, BundleManifest, BundleMatch } from './bundle-format.ts';

interface ItemRow {
  id: string;
  kind: BundleItem['kind'];
  mime: string;
  original_name: string;
  size: number;
  sha256: string;
  sha1: string;
  md5: string;
  pdq: string | null;
  pdq_quality: number | null;
  pdq_dihedral: string | null;
  width: number | null;
  height: number | null;
  metadata: string;
  flags: string;
  original_blob: string;
  severity: number | null;
  created_at: string;
  parent_id: string | null;
  path_in_parent: string | null;
  damaged: string | null;
  event_at: string | null;
  facts: string;
  links: string;
  language: string | null;
}

interface PreviewRow {
  idx?: number;
  size: 'thumb' | 'screen';
  variant: 'veiled' | 'outline' | 'grey' | 'plain';
  blob_id: string;
  mime: string;
  width: number;
  height: number;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Labels in the schemes other than Custody's own (its category travels as `category`). */
function otherLabels(db: Db, itemId: string): string[] {
  return db
    .prepare(
      "SELECT ic.category_id FROM item_categories ic JOIN categories c ON c.id = ic.category_id WHERE ic.item_id = ? AND c.scheme <> 'custody' ORDER BY ic.category_id",
    )
    .pluck()
    .all(itemId) as string[];
}

/**
 * This workstation's matches of the item (every state, the negative entries aside: they only
 * suppress) and those it received with the case, so a match travels on with it.
 */
function itemMatches(db: Db, itemId: string): BundleMatch[] {
  const rows = db
    .prepare(
      `SELECT l.name AS listName, m.list_version AS listVersion, m.hash_type AS hashType, m.value,
         m.distance, m.variant, m.category_id AS categoryId, m.status, m.found_at AS foundAt
       FROM hash_matches m JOIN hash_lists l ON l.id = m.list_id
       WHERE m.item_id = @id AND m.negative = 0
       UNION
       SELECT list_name, list_version, hash_type, value, distance, variant, category_id, status, found_at
       FROM received_matches WHERE item_id = @id
       ORDER BY listName, listVersion, hashType, value`,
    )
    .all({ id: itemId }) as BundleMatch[];
  const seen = new Set<string>();
  return rows.filter((m) => {
    const key = JSON.stringify([m.listName, m.listVersion, m.hashType, m.value]);
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

export interface CaseExport {
  case: BundleManifest['case'];
  items: BundleItem[];
  notes: BundleManifest['notes'];
  exposure: BundleManifest['exposure'];
  files: ZipSource[];
}

export async function exportCase(vault: UnlockedVault, caseId: string): Promise<CaseExport> {
  const db = vault.db;
  const c = selectCase(db, caseId);
  if (!c) throw new NotFoundError('case', caseId);
  const key = vault.caseKey(caseId);
  const rows = db
    .prepare('SELECT * FROM items WHERE case_id = ? ORDER BY created_at, id')
    .all(caseId) as ItemRow[];
  const items: BundleItem[] = [];
  const files: ZipSource[] = [];
  for (const r of rows) {
    const original = { path: `files/${r.id}/original`, size: r.size, sha256: r.sha256 };
    files.push({
      ...original,
      open: () => vault.blobs.createReadStream(key, r.original_blob),
      item: { id: r.id, name: r.original_name },
    });
    const readPreviews = async (rows: PreviewRow[], prefix: string) => {
      const previews: BundleItem['previews'] = [];
      for (const p of rows) {
        const data = await vault.blobs.read(key, p.blob_id);
        const file = {
          path: `${prefix}${p.size}-${p.variant}`,
          size: data.length,
          sha256: sha256(data),
        };
        files.push({ path: file.path, data, compress: false });
        const { size, variant, mime, width, height } = p;
        previews.push({ size, variant, mime, width, height, file });
      }
      return previews;
    };
    const previews = await readPreviews(
      db
        .prepare('SELECT * FROM previews WHERE item_id = ? ORDER BY size, variant')
        .all(r.id) as PreviewRow[],
      `files/${r.id}/`,
    );
    const frames: BundleItem['frames'] = [];
    const frameRows = db
      .prepare(
        'SELECT idx, time_seconds AS timeSeconds, page, pdq, pdq_quality AS pdqQuality, width, height FROM item_frames WHERE item_id = ? ORDER BY idx',
      )
      .all(r.id) as Omit<BundleItem['frames'][number], 'previews'>[];
    for (const f of frameRows)
      frames.push({
        ...f,
        previews: await readPreviews(
          db
            .prepare(
              'SELECT * FROM frame_previews WHERE item_id = ? AND idx = ? ORDER BY size, variant',
            )
            .all(r.id, f.idx) as PreviewRow[],
          `files/${r.id}/frame-${f.idx}-`,
        ),
      });
    const layer = selectTextLayer(db, r.id);
    let textLayer: BundleItem['textLayer'] = null;
    if (layer) {
      const data = await vault.blobs.read(key, layer.blobId);
      const file = { path: `files/${r.id}/text`, size: data.length, sha256: sha256(data) };
      files.push({ path: file.path, data, compress: true });
      const { encoding, detectedEncoding, chars } = layer;
      textLayer = { file, encoding, detectedEncoding, chars };
    }
    const acquisitions = (
      db
        .prepare(
          'SELECT source_path, acquired_at, source_bytes FROM acquisitions WHERE item_id = ? ORDER BY id',
        )
        .all(r.id) as { source_path: string; acquired_at: string; source_bytes: Buffer | null }[]
    ).map((a) => ({
      sourcePath: a.source_path,
      acquiredAt: a.acquired_at,
      sourceBytes: a.source_bytes ? a.source_bytes.toString('base64') : null,
    }));
    items.push({
      id: r.id,
      kind: r.kind,
      mime: r.mime,
      originalName: r.original_name,
      size: r.size,
      sha256: r.sha256,
      sha1: r.sha1,
      md5: r.md5,
      pdq: r.pdq,
      pdqQuality: r.pdq_quality,
      pdqDihedral: r.pdq_dihedral ? (JSON.parse(r.pdq_dihedral) as string[]) : null,
      width: r.width,
      height: r.height,
      metadata: JSON.parse(r.metadata) as BundleItem['metadata'],
      flags: JSON.parse(r.flags) as string[],
      parentId: r.parent_id,
      pathInParent: r.path_in_parent,
      damaged: r.damaged,
      eventAt: r.event_at,
      facts: JSON.parse(r.facts) as BundleItem['facts'],
      links: JSON.parse(r.links) as string[],
      language: r.language,
      severity: r.severity,
      category: itemCategoryCode(db, r.id),
      labels: otherLabels(db, r.id),
      tags: itemTags(db, r.id),
      matches: itemMatches(db, r.id),
      createdAt: r.created_at,
      exposureSeconds: itemExposureSeconds(db, r.id),
      acquisitions,
      original,
      previews,
      textLayer,
      events: selectEvents(db, r.id),
      frames,
    });
  }
  const notes = db
    .prepare(
      'SELECT id, item_id AS itemId, body, created_at AS createdAt, updated_at AS updatedAt FROM notes WHERE case_id = ? ORDER BY created_at, id',
    )
    .all(caseId) as BundleManifest['notes'];
  return {
    case: {
      id: c.id,
      title: c.title,
      kind: c.kind,
      emergency: c.emergency,
      languages: c.languages,
      externalRefs: c.externalRefs,
      notes: c.notes,
      reportedAccounts: c.reportedAccounts,
      incidents: c.incidents,
      incidentAt: c.incidentAt,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    },
    items,
    notes,
    exposure: { totalSeconds: items.reduce((n, i) => n + i.exposureSeconds, 0) },
    files,
  };
}
