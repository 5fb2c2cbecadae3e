// Phase four of a file's ingest: one transaction makes the item real (blob rows, item, first
// acquisition, previews, text layer, events, frames, search rows, custody entry), or finds that a
// copy of the same bytes won the race.
import type { BlobInfo } from '../blobs/index.ts';
import type { RenderedImage } from '../media/previews.ts';
import { insertBlobRow } from '../blobs/blob.queries.ts';
import { insertAcquisition, insertItem, insertPreview } from '../items/item.queries.ts';
import {
  insertEvents,
  insertFrame,
  insertFramePreview,
  insertTextLayer,
} from '../items/item-content.queries.ts';
import { headerLines, insertIndexedLines, textLines } from '../search/search-index.queries.ts';
import { record } from '../custody/custody-log.ts';
import { touchCase } from '../cases/case.queries.ts';
import type { ItemFlag, ItemMedia } from '../../../shared/domain/item.ts';
import { itemMediaSchema } from '../../../shared/domain/item.ts';
import type { SealedFile } from './read-and-seal.ts';
import type { ContentRead } from './read-content.ts';
import { existingItem } from './duplicate-check.ts';
import type { IngestContext } from './ingest-context.ts';

/** Where an item came from: a file the reviewer chose, or a path inside an item already stored. */
export interface ItemOrigin {
  /** The acquisition's source: the file's display path, or 'parent path/inner path'. */
  sourcePath: string;
  /** The raw name, kept only when it is not valid UTF-8. */
  sourceBytes: Buffer | null;
  /** The item's name in the grid. */
  originalName: string;
  parent: { itemId: string; sha256: string; pathInParent: string } | null;
}

export interface NewItem {
  itemId: string;
  origin: ItemOrigin;
  sealed: SealedFile;
  original: BlobInfo;
  content: ContentRead;
  acquiredAt: string;
}

/** What the file itself says; 'opaque', 'damaged' and 'duplicate-acquired' are read from columns. */
/** A video's or recording's own facts (media-probe.ts), as the extractor gave them, or null. */
function mediaOf(facts: Record<string, unknown>): ItemMedia | null {
  const media = itemMediaSchema.safeParse(facts.media);
  return media.success ? media.data : null;
}

function flagsOf(rendered: RenderedImage | undefined, facts: Record<string, unknown>): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (rendered?.metadata.flags.gps || (mediaOf(facts)?.gps ?? null) !== null) flags.push('gps');
  if (rendered?.metadata.flags.animated) flags.push('animated');
  return flags;
}

function stripFlags(m: RenderedImage['metadata']) {
  const { flags: _flags, ...rest } = m;
  return rest;
}

/** Facts as stored: the extractor's, with what the extractor flagged (an encrypted archive). */
function factsOf(content: ContentRead): Record<string, unknown> {
  const facts = { ...(content.extracted?.facts ?? {}) };
  if (content.extracted?.flags.includes('encrypted')) facts.encrypted = true;
  return facts;
}

/**
 * Writes the item in one transaction. Returns null when stored, or the id of the item with the
 * same bytes that was committed first while this one was being decoded (then nothing is written).
 */
export function commitItem(ctx: IngestContext, n: NewItem): string | null {
  const { vault, caseId } = ctx;
  const { hashes, sniffed, size } = n.sealed;
  const { content, origin } = n;
  const image = content.image?.rendered;
  const facts = factsOf(content);
  return vault.db.transaction(() => {
    // The check that counts is this one, inside the transaction.
    const raced = existingItem(ctx, hashes.sha256);
    if (raced) return raced;
    insertBlobRow(vault.db, { id: n.original.id, caseId, role: 'original', size: n.original.size });
    for (const blob of content.image?.previewBlobs ?? []) {
      insertBlobRow(vault.db, { id: blob.id, caseId, role: 'preview', size: blob.size });
    }
    for (const { blob, role } of content.derivedBlobs) {
      insertBlobRow(vault.db, { id: blob.id, caseId, role, size: blob.size });
    }
    insertItem(vault.db, {
      id: n.itemId,
      caseId,
      kind: content.kind,
      mime: content.mime ?? sniffed.mime,
      originalName: origin.originalName,
      size,
      ...hashes,
      pdq: image?.pdq.hash ?? null,
      pdqQuality: image?.pdq.quality ?? null,
      pdqDihedral: image?.pdq.dihedral ?? null,
      width: image?.width ?? mediaOf(facts)?.width ?? null,
      height: image?.height ?? mediaOf(facts)?.height ?? null,
      metadata: image ? stripFlags(image.metadata) : null,
      flags: flagsOf(image, facts),
      originalBlob: n.original.id,
      createdAt: n.acquiredAt,
      parentId: origin.parent?.itemId ?? null,
      pathInParent: origin.parent?.pathInParent ?? null,
      damaged: content.damaged,
      eventAt: content.extracted?.eventAt ?? image?.metadata.capturedAt ?? null,
      facts,
      links: content.extracted?.links ?? [],
      language: content.language,
    });
    insertAcquisition(vault.db, n.itemId, origin.sourcePath, n.acquiredAt, origin.sourceBytes);
    for (const p of content.image?.previewRows ?? []) insertPreview(vault.db, p);
    writeContentRows(ctx, n.itemId, content);
    insertIndexedLines(vault.db, caseId, n.itemId, [
      { field: 'name', line: null, raw: origin.sourcePath },
      ...headerLines(facts),
      ...(content.text === null ? [] : textLines(content.text)),
    ]);
    touchCase(vault.db, caseId, n.acquiredAt);
    record(vault, {
      action: 'item.ingested',
      caseId,
      itemId: n.itemId,
      details: {
        source: origin.sourcePath,
        size,
        mime: content.mime ?? sniffed.mime,
        kind: content.kind,
        ...hashes,
        pdq: image?.pdq.hash ?? null,
        damaged: content.damaged,
        // A derivation: which stored item this came out of, and where inside it.
        ...(origin.parent
          ? {
              parentId: origin.parent.itemId,
              parentSha256: origin.parent.sha256,
              pathInParent: origin.parent.pathInParent,
            }
          : {}),
      },
    });
    return null;
  })();
}

function writeContentRows(ctx: IngestContext, itemId: string, content: ContentRead): void {
  const { db } = ctx.vault;
  if (content.textLayer) {
    insertTextLayer(db, {
      itemId,
      blobId: content.textLayer.blob.id,
      encoding: content.textLayer.encoding,
      detectedEncoding: content.textLayer.encoding,
      chars: content.textLayer.chars,
    });
  }
  insertEvents(db, itemId, content.extracted?.events ?? []);
  for (const { previews: _previews, ...f } of content.frames) {
    insertFrame(db, { itemId, ...f });
  }
  for (const f of content.frames) {
    for (const p of f.previews) insertFramePreview(db, { itemId, idx: f.idx, ...p });
  }
}
