// Phase four of a file's ingest: one transaction makes the item real (blob rows, item, first
// acquisition, previews, custody entry), or finds that a copy of the same bytes won the race.
import type { BlobInfo } from '../blobs/index.ts';
import type { RenderedImage } from '../media/previews.ts';
import { insertBlobRow } from '../blobs/blob.queries.ts';
import { insertAcquisition, insertItem, insertPreview } from '../items/item.queries.ts';
import { record } from '../custody/custody-log.ts';
import { touchCase } from '../cases/case.queries.ts';
import type { ItemFlag } from '../../../shared/domain/item.ts';
import { keptNameBytes, type WalkFile } from './walk.ts';
import type { SealedFile } from './read-and-seal.ts';
import type { RenderedItem } from './render-previews.ts';
import { existingItem } from './duplicate-check.ts';
import type { IngestContext } from './ingest-context.ts';

export interface NewItem {
  itemId: string;
  file: WalkFile;
  sealed: SealedFile;
  original: BlobInfo;
  rendered: RenderedItem | null;
  acquiredAt: string;
}

/** What the file itself says; 'opaque' and 'duplicate-acquired' are read from kind and acquisitions. */
function flagsOf(rendered: RenderedImage | undefined): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (rendered?.metadata.flags.gps) flags.push('gps');
  if (rendered?.metadata.flags.animated) flags.push('animated');
  return flags;
}

function stripFlags(m: RenderedImage['metadata']) {
  const { flags: _flags, ...rest } = m;
  return rest;
}

/**
 * Writes the item in one transaction. Returns null when stored, or the id of the item with the
 * same bytes that was committed first while this one was being decoded (then nothing is written).
 */
export function commitItem(ctx: IngestContext, n: NewItem): string | null {
  const { vault, caseId } = ctx;
  const { hashes, sniffed, size } = n.sealed;
  const image = n.rendered?.rendered;
  return vault.db.transaction(() => {
    // The check that counts is this one, inside the transaction.
    const raced = existingItem(ctx, hashes.sha256);
    if (raced) return raced;
    insertBlobRow(vault.db, { id: n.original.id, caseId, role: 'original', size: n.original.size });
    for (const blob of n.rendered?.previewBlobs ?? []) {
      insertBlobRow(vault.db, { id: blob.id, caseId, role: 'preview', size: blob.size });
    }
    insertItem(vault.db, {
      id: n.itemId,
      caseId,
      kind: image ? 'image' : 'opaque',
      mime: sniffed.mime,
      originalName: n.file.displayPath,
      size,
      ...hashes,
      pdq: image?.pdq.hash ?? null,
      pdqQuality: image?.pdq.quality ?? null,
      pdqDihedral: image?.pdq.dihedral ?? null,
      width: image?.width ?? null,
      height: image?.height ?? null,
      metadata: image ? stripFlags(image.metadata) : null,
      flags: flagsOf(image),
      originalBlob: n.original.id,
      createdAt: n.acquiredAt,
    });
    insertAcquisition(vault.db, n.itemId, n.file.displayPath, n.acquiredAt, keptNameBytes(n.file));
    for (const p of n.rendered?.previewRows ?? []) insertPreview(vault.db, p);
    touchCase(vault.db, caseId, n.acquiredAt);
    record(vault, {
      action: 'item.ingested',
      caseId,
      itemId: n.itemId,
      details: {
        source: n.file.displayPath,
        size,
        mime: sniffed.mime,
        ...hashes,
        pdq: image?.pdq.hash ?? null,
      },
    });
    return null;
  })();
}
