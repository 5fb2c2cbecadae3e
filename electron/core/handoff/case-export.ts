// Everything of a case that travels in a handoff bundle, read in one go: its fields, each item with
// its triage, acquisitions, original and previews, its notes, and the files to put in the ZIP. The
// originals stream from the blob store when the ZIP is written; previews are small and read here.
import { createHash } from 'node:crypto';
import type { UnlockedVault } from '../vault/vault.ts';
import type { ZipSource } from '../packets/zip-write.ts';
import { selectCase } from '../cases/case.queries.ts';
import { itemCategoryCode, itemTags } from '../triage/triage.queries.ts';
import { itemExposureSeconds } from '../exposure/exposure.service.ts';
import { NotFoundError } from '../errors.ts';
import type { BundleItem, BundleManifest } from './bundle-format.ts';

interface ItemRow {
  id: string;
  kind: 'image' | 'opaque';
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
}

interface PreviewRow {
  size: 'thumb' | 'screen';
  variant: 'veiled' | 'outline' | 'grey' | 'plain';
  blob_id: string;
  mime: string;
  width: number;
  height: number;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

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
    const previews: BundleItem['previews'] = [];
    const previewRows = db
      .prepare('SELECT * FROM previews WHERE item_id = ? ORDER BY size, variant')
      .all(r.id) as PreviewRow[];
    for (const p of previewRows) {
      const data = await vault.blobs.read(key, p.blob_id);
      const file = {
        path: `files/${r.id}/${p.size}-${p.variant}`,
        size: data.length,
        sha256: sha256(data),
      };
      files.push({ path: file.path, data, compress: false });
      previews.push({
        size: p.size,
        variant: p.variant,
        mime: p.mime,
        width: p.width,
        height: p.height,
        file,
      });
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
      severity: r.severity,
      category: itemCategoryCode(db, r.id),
      tags: itemTags(db, r.id),
      createdAt: r.created_at,
      exposureSeconds: itemExposureSeconds(db, r.id),
      acquisitions,
      original,
      previews,
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
