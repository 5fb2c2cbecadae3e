// A 10,000-item case made through the core, not the UI: one real image is ingested, then its item
// row is cloned in one transaction, each clone with its own id, name, SHA-256 and acquisition, all
// sharing the original's encrypted blobs (original and previews). The preview handler serves any of
// them as it serves the first, since they belong to the same case and its key.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { CustodyCore } from '../../electron/core/core.ts';
import { createCase } from '../../electron/core/cases/case.service.ts';
import { startIngest } from '../../electron/core/ingest/ingest.service.ts';
import { insertIndexedLines } from '../../electron/core/search/search-index.queries.ts';
import { newId } from '../../shared/domain/ids.ts';
import { repoRoot } from './support.ts';

export const LARGE_CASE_TITLE = 'Спам-сеть: 10 000 изображений';

/** The name of clone `i` (1-based): Latin, Arabic and Russian names in turn. */
export function cloneName(i: number): string {
  const n = String(i).padStart(5, '0');
  return [`evidence-${n}.jpg`, `دليل-${n}.jpg`, `улика-${n}.jpg`][i % 3] ?? `evidence-${n}.jpg`;
}

export async function seedLargeCase(
  core: CustodyCore,
  count: number,
): Promise<{ caseId: string; lastName: string }> {
  const vault = core.vault();
  const c = createCase(vault, { title: LARGE_CASE_TITLE, kind: 'disinformation' });
  const image = join(repoRoot, 'tests', 'fixtures', 'exif', 'Canon_EOS_D60.jpg');
  const run = startIngest(vault, core.decoder(), c.id, [image], () => {});
  const [first] = await run.finished;
  if (first?.status !== 'ingested' || !first.item) throw new Error('the seed image did not ingest');
  const source = first.item;
  const base = Date.parse(source.createdAt);

  const db = vault.db;
  const cloneItem = db.prepare(
    `INSERT INTO items (id, case_id, kind, mime, original_name, size, sha256, sha1, md5, pdq,
       pdq_quality, pdq_dihedral, width, height, metadata, flags, original_blob, severity, created_at)
     SELECT @id, case_id, kind, mime, @name, size, @sha256, sha1, md5, pdq, pdq_quality,
       pdq_dihedral, width, height, metadata, flags, original_blob, severity, @createdAt
     FROM items WHERE id = @source`,
  );
  const clonePreviews = db.prepare(
    `INSERT INTO previews (item_id, size, variant, blob_id, mime, width, height)
     SELECT @id, size, variant, blob_id, mime, width, height FROM previews WHERE item_id = @source`,
  );
  const acquire = db.prepare(
    'INSERT INTO acquisitions (item_id, source_path, acquired_at) VALUES (?, ?, ?)',
  );
  db.transaction(() => {
    for (let i = 1; i < count; i++) {
      const id = newId('i', randomBytes);
      const name = cloneName(i);
      const createdAt = new Date(base + i).toISOString();
      // A distinct SHA-256 per clone: the case holds each set of bytes once.
      const sha256 = randomBytes(32).toString('hex');
      cloneItem.run({ id, name, sha256, createdAt, source: source.id });
      clonePreviews.run({ id, source: source.id });
      acquire.run(id, name, createdAt);
      // Its name in the search index, as an ingest puts it there.
      insertIndexedLines(db, c.id, id, [{ field: 'name', line: null, raw: name }]);
    }
  })();
  return { caseId: c.id, lastName: cloneName(count - 1) };
}
