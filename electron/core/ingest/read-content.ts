// Phase three of a file's ingest: what its content says. An image is decoded into previews; a
// kind the extractor registry reads goes to the decode process as an `extract` request; whatever
// cannot be read leaves the item as damaged evidence with the reason, never refused. The text
// layer and any frames' previews are sealed into blobs here, before the commit.
import { stat } from 'node:fs/promises';
import type { BlobInfo } from '../blobs/index.ts';
import { CustodyError } from '../errors.ts';
import { hasExtractor } from '../extract/index.ts';
import type { ExtractedContent, ExtractedFrame, ExtractLimits } from '../extract/extract-result.ts';
import type { ItemKind } from '../../../shared/domain/item.ts';
import type { SealedFile } from './read-and-seal.ts';
import {
  renderPreviews,
  sealPreviewSet,
  type RenderedItem,
  type SealedPreview,
} from './render-previews.ts';
import type { IngestContext } from './ingest-context.ts';

export interface SealedFrame {
  idx: number;
  timeSeconds: number | null;
  page: number | null;
  width: number;
  height: number;
  pdq: string;
  pdqQuality: number;
  previews: SealedPreview[];
}

export interface TextLayer {
  blob: BlobInfo;
  encoding: string | null;
  chars: number;
}

export interface ContentRead {
  kind: ItemKind;
  /** A more precise type than the sniff gave, or null. */
  mime: string | null;
  image: RenderedItem | null;
  /** What the extractor returned (its children are ingested after the commit). */
  extracted: ExtractedContent | null;
  text: string | null;
  textLayer: TextLayer | null;
  language: string | null;
  frames: SealedFrame[];
  /** Blobs of frame previews and the text layer, for the commit's blob rows. */
  derivedBlobs: { blob: BlobInfo; role: 'preview' | 'text' }[];
  damaged: string | null;
}

function unread(kind: ItemKind, damaged: string | null): ContentRead {
  return {
    kind,
    mime: null,
    image: null,
    extracted: null,
    text: null,
    textLayer: null,
    language: null,
    frames: [],
    derivedBlobs: [],
    damaged,
  };
}

export async function readContent(
  ctx: IngestContext,
  displayName: string,
  sealed: SealedFile,
  itemId: string,
  written: string[],
  limits: ExtractLimits,
): Promise<ContentRead> {
  const { kind } = sealed.sniffed;
  if (kind === 'image') {
    const image = await renderPreviews(ctx, displayName, sealed, itemId, written);
    if ('damaged' in image) return unread('image', image.damaged);
    // An animated image's frames are stills like a video's keyframes, in the same tables.
    const derivedBlobs: ContentRead['derivedBlobs'] = [];
    const frames = await sealFrames(ctx, image.rendered.frames ?? [], written, derivedBlobs);
    return { ...unread('image', null), image, frames, derivedBlobs };
  }
  if (!hasExtractor(kind)) return unread(kind === 'text' ? 'text' : 'opaque', sealed.damaged);
  const source = sealed.bytes
    ? { bytes: sealed.bytes }
    : sealed.onDisk && READ_IN_RANGES.has(kind)
      ? { path: sealed.onDisk.path }
      : null;
  if (!source) return unread(kind, `too large to read here (over ${sealed.size} bytes kept whole)`);
  let extracted: ExtractedContent;
  try {
    extracted = await ctx.decoder.extract(kind, source, { displayName, limits });
  } catch (e) {
    if (e instanceof CustodyError && e.code === 'CANCELLED') throw e;
    return unread(kind, (e as Error).message);
  }
  if ('path' in source && (await changedSince(sealed.onDisk!)))
    return unread(kind, 'the file changed on disk while it was read: only its original is kept');
  return sealExtracted(ctx, extracted, written);
}

/**
 * Kinds whose reader takes a path and reads it in ranges (the demuxer and FFmpeg's input), so a
 * file too large to hold in memory is still read: a 2 GB video is not kept unread.
 */
const READ_IN_RANGES: ReadonlySet<ItemKind> = new Set(['video', 'audio']);

/** The original was hashed and sealed from the bytes then: stills of other bytes are not its. */
async function changedSince(then: { path: string; size: number; mtimeMs: number }) {
  const now = await stat(then.path).catch(() => null);
  return !now || now.size !== then.size || now.mtimeMs !== then.mtimeMs;
}

async function sealExtracted(
  ctx: IngestContext,
  extracted: ExtractedContent,
  written: string[],
): Promise<ContentRead> {
  const derivedBlobs: ContentRead['derivedBlobs'] = [];
  const frames = await sealFrames(ctx, extracted.frames, written, derivedBlobs);
  let textLayer: TextLayer | null = null;
  const { text } = extracted;
  if (text !== null) {
    const blob = await ctx.vault.blobs.write(ctx.caseKey, Buffer.from(text, 'utf8'));
    written.push(blob.id);
    derivedBlobs.push({ blob, role: 'text' });
    textLayer = { blob, encoding: extracted.encoding, chars: text.length };
  }
  return {
    kind: extracted.kind,
    mime: extracted.mime,
    image: null,
    extracted,
    text,
    textLayer,
    language: extracted.language,
    frames,
    derivedBlobs,
    damaged: extracted.damaged,
  };
}

/** Seals each still's previews; their blobs go to `derivedBlobs` for the commit's blob rows. */
async function sealFrames(
  ctx: IngestContext,
  stills: ExtractedFrame[],
  written: string[],
  derivedBlobs: ContentRead['derivedBlobs'],
): Promise<SealedFrame[]> {
  const frames: SealedFrame[] = [];
  for (const [idx, frame] of stills.entries()) {
    const blobs: BlobInfo[] = [];
    const previews = await sealPreviewSet(ctx, frame.previews, written, blobs);
    for (const blob of blobs) derivedBlobs.push({ blob, role: 'preview' });
    frames.push({
      idx,
      timeSeconds: frame.timeSeconds,
      page: frame.page,
      width: frame.width,
      height: frame.height,
      pdq: frame.pdq.hash,
      pdqQuality: frame.pdq.quality,
      previews,
    });
  }
  return frames;
}
