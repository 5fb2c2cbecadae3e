// Phase three of a file's ingest: an image's pixels, decoded once in the decode pool, become its
// PDQ, metadata and eight previews; the previews are sealed into blobs at once. Every blob id is
// added to `written` as soon as it exists, so a failure anywhere lets the caller remove them all.
import type { BlobInfo } from '../blobs/index.ts';
import type { RenderedImage } from '../media/previews.ts';
import type { insertPreview } from '../items/item.queries.ts';
import { previewSizes, revealSteps } from '../../../shared/domain/item.ts';
import type { WalkFile } from './walk.ts';
import type { SealedFile } from './read-and-seal.ts';
import { FileFailure, type IngestContext } from './ingest-context.ts';

export type PreviewRow = Parameters<typeof insertPreview>[1];

export interface RenderedItem {
  rendered: RenderedImage;
  previewRows: PreviewRow[];
  previewBlobs: BlobInfo[];
}

/** Decodes an image's bytes and stores its previews; null for anything kept opaque. */
export async function renderPreviews(
  ctx: IngestContext,
  file: WalkFile,
  sealed: SealedFile,
  itemId: string,
  written: string[],
): Promise<RenderedItem | null> {
  if (sealed.sniffed.kind !== 'image' || !sealed.bytes) return null;
  let rendered: RenderedImage;
  try {
    rendered = await ctx.decoder.decode({ bytes: sealed.bytes }, { displayName: file.displayPath });
  } catch (e) {
    throw new FileFailure(
      `not a readable ${sealed.sniffed.ext.toUpperCase()} image: ${(e as Error).message}`,
    );
  }
  const previewRows: PreviewRow[] = [];
  const previewBlobs: BlobInfo[] = [];
  const wanted = previewSizes.flatMap((size) => revealSteps.map((variant) => ({ size, variant })));
  // The eight writes run together; all settle before a failure is thrown, so cleanup sees every id.
  const settled = await Promise.allSettled(
    wanted.map(async ({ size, variant }) => {
      const p = rendered.previews[size][variant];
      const blob = await ctx.vault.blobs.write(ctx.caseKey, p.bytes);
      written.push(blob.id);
      previewBlobs.push(blob);
      previewRows.push({
        itemId,
        size,
        variant,
        blobId: blob.id,
        mime: p.mime,
        width: p.width,
        height: p.height,
      });
    }),
  );
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return { rendered, previewRows, previewBlobs };
}
