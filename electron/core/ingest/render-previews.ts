// Phase three of a file's ingest, for an image: its pixels, decoded once in the decode pool,
// become its PDQ, metadata and stored previews (PreviewSet), sealed into blobs at once. Every blob id is added
// to `written` as soon as it exists, so a failure anywhere lets the caller remove them all. The
// same sealing serves the frames (video keyframes, document pages) an extractor returns.
import type { BlobInfo } from '../blobs/index.ts';
import type { PreviewSet, RenderedImage } from '../media/previews.ts';
import type { insertPreview } from '../items/item.queries.ts';
import { previewSizes, type RevealStep } from '../../../shared/domain/item.ts';
import type { SealedFile } from './read-and-seal.ts';
import type { IngestContext } from './ingest-context.ts';
import { CustodyError } from '../errors.ts';

export type PreviewRow = Parameters<typeof insertPreview>[1];
export type SealedPreview = Omit<PreviewRow, 'itemId'>;

export interface RenderedItem {
  rendered: RenderedImage;
  previewRows: PreviewRow[];
  previewBlobs: BlobInfo[];
}

/** Seals the stored previews of one image or frame; their blobs are pushed to `blobs` and `written`. */
export async function sealPreviewSet(
  ctx: IngestContext,
  previews: PreviewSet,
  written: string[],
  blobs: BlobInfo[],
): Promise<SealedPreview[]> {
  const wanted = previewSizes.flatMap((size) =>
    Object.entries(previews[size]).map(([variant, p]) => ({
      size,
      variant: variant as RevealStep,
      p,
    })),
  );
  const rows: SealedPreview[] = [];
  // The writes run together; all settle before a failure is thrown, so cleanup sees every id.
  const settled = await Promise.allSettled(
    wanted.map(async ({ size, variant, p }) => {
      const blob = await ctx.vault.blobs.write(ctx.caseKey, p.bytes);
      written.push(blob.id);
      blobs.push(blob);
      rows.push({ size, variant, blobId: blob.id, mime: p.mime, width: p.width, height: p.height });
    }),
  );
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return rows;
}

/**
 * Decodes an image's bytes and stores its previews. An image the decoder cannot read is kept as
 * damaged evidence: the reason is returned instead of previews.
 */
export async function renderPreviews(
  ctx: IngestContext,
  displayName: string,
  sealed: SealedFile,
  itemId: string,
  written: string[],
): Promise<RenderedItem | { damaged: string }> {
  if (!sealed.bytes) return { damaged: sealed.damaged ?? 'too large to decode' };
  let rendered: RenderedImage;
  try {
    rendered = await ctx.decoder.decode({ bytes: sealed.bytes }, { displayName });
  } catch (e) {
    if (e instanceof CustodyError && e.code === 'CANCELLED') throw e;
    return {
      damaged: `not a readable ${sealed.sniffed.ext.toUpperCase()} image: ${(e as Error).message}`,
    };
  }
  const previewBlobs: BlobInfo[] = [];
  const rows = await sealPreviewSet(ctx, rendered.previews, written, previewBlobs);
  return { rendered, previewRows: rows.map((r) => ({ ...r, itemId })), previewBlobs };
}
