// One image in, everything the vault keeps about its pixels out: the PDQ hash and six previews
// (the thumbnail in the four reveal variants, the screen size veiled and in colour: PreviewSet). PDQ decodes the file at full size, as Meta's reference sees it,
// so stored hashes match hash lists made by others. The previews come from those same pixels, shrunk
// to screen size, when they are the previews' pixels too (plain sRGB JPEG: most camera photos);
// otherwise from a decode of their own, shrunk on load, with the colour profile applied. A HEIC's
// pixels come from libheif (WebAssembly), a video still's from FFmpeg: renderPixels.
import {
  DEFAULT_SHARP_TIMEOUT_SECONDS,
  MAX_INPUT_PIXELS,
  canDecodeHeic,
  openHostile,
} from './sharp-policy.ts';
import { probeImage } from './metadata.ts';
import type { ImageMetadata } from './metadata.ts';
import {
  fitWithin,
  makeEagerVariants,
  makeVariants,
  makeVeil,
  SCREEN_QUALITY,
  THUMB_QUALITY,
  veilDimensions,
  veilSource,
} from './preview-variants.ts';
import type {
  EagerScreenVariant,
  EncodedPreview,
  PreviewVariant,
  RawImage,
} from './preview-variants.ts';
import { decodeForPdq, pdqDihedralFromPixels, PDQ_DIHEDRAL_NAMES } from './pdq/index.ts';
import type { OpenForPdq, PdqDihedral, PdqPixels } from './pdq/index.ts';
import { decodeHeicPixels } from './heic-pixels.ts';
import type { DecodedPixels } from './heic-pixels.ts';
import type { ExtractedFrame } from '../extract/extract-result.ts';
import sharp from 'sharp';
import type { Metadata } from 'sharp';

export type { EncodedPreview, PreviewVariant } from './preview-variants.ts';
export type { DecodedPixels } from './heic-pixels.ts';
export type PreviewSize = 'thumb' | 'screen';
/**
 * What ingest stores of a picture: the thumbnail in all four variants (the grid shows any of them),
 * the screen size veiled and in colour; its outline and grey are derived on first reveal.
 */
export interface PreviewSet {
  thumb: Record<PreviewVariant, EncodedPreview>;
  screen: Record<EagerScreenVariant, EncodedPreview>;
}

export interface PdqResult {
  hash: string;
  quality: number;
  /** The eight dihedral hashes, in PDQ_DIHEDRAL_NAMES order (orig first). */
  dihedral: string[];
}

/** What the vault keeps of one picture's pixels: a photo, or a still of a video. */
export interface RenderedPixels {
  /** Full-resolution size as displayed (orientation applied). */
  width: number;
  height: number;
  previews: PreviewSet;
  pdq: PdqResult;
}

export interface RenderedImage extends RenderedPixels {
  metadata: ImageMetadata;
  /** An animated image's frames as stills, added by the decode worker (animated-frames.ts). */
  frames?: ExtractedFrame[];
}

export interface RenderOptions {
  /** Longest side of the screen preview; also the size the file is decoded at. */
  screenSize?: number;
  /** Longest side of the grid thumbnail. */
  thumbSize?: number;
  /** libvips gives up on any one pipeline after this long. */
  timeoutSeconds?: number;
}

export const SCREEN_SIZE = 1600;
export const THUMB_SIZE = 320;

/**
 * Decodes `input` (a path or the file's bytes) once and derives its PDQ hash, metadata and stored
 * previews. Throws with sharp's reason for anything it refuses: corrupt data, a header claiming more
 * than MAX_INPUT_PIXELS (refused before any pixel is decoded), a blocked format, a timeout.
 */
export async function renderImage(
  input: string | Buffer,
  options: RenderOptions = {},
): Promise<RenderedImage> {
  const screenSize = options.screenSize ?? SCREEN_SIZE;
  const thumbSize = options.thumbSize ?? THUMB_SIZE;
  const { header, metadata } = await probeImage(input, options.timeoutSeconds);
  refuseOversize(header);
  if (needsHeifDecoder(header)) {
    // libheif has applied the HEIF rotation: the EXIF orientation (still reported in the metadata,
    // as the file says it) must not turn the pixels a second time.
    const decoded = await renderPixels(await decodeHeicPixels(input), options);
    return { ...decoded, metadata };
  }
  const { pdq, pixels } = await pdqAndPixels(input, options.timeoutSeconds);
  const stored = previewsFromPdqPixels(header, pixels)
    ? await shrinkDecoded(pixels, screenSize)
    : await decodeOnce(input, screenSize, options.timeoutSeconds);
  const screen = await orient(stored, header.orientation ?? 1);
  return {
    width: metadata.displayWidth,
    height: metadata.displayHeight,
    previews: await previewsOf(screen, thumbSize),
    pdq,
    metadata,
  };
}

/**
 * PDQ and the stored previews of pixels another decoder produced upright: a HEIC through libheif, a
 * video frame through FFmpeg. PDQ sees the full-size pixels, alpha ignored, as for any photo.
 */
export async function renderPixels(
  pixels: DecodedPixels,
  options: RenderOptions = {},
): Promise<RenderedPixels> {
  const { data, width, height, channels } = pixels;
  const pdq = pdqResultOf(pdqDihedralFromPixels(data, width, height, channels));
  const size = options.screenSize ?? SCREEN_SIZE;
  const { data: rgb, info } = await sharp(data, { raw: { width, height, channels } })
    .timeout({ seconds: options.timeoutSeconds ?? DEFAULT_SHARP_TIMEOUT_SECONDS })
    .resize(size, size, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const screen: RawImage = { data: rgb, width: info.width, height: info.height, channels: 3 };
  const previews = await previewsOf(screen, options.thumbSize ?? THUMB_SIZE);
  return { width, height, previews, pdq };
}

/** The stored previews (PreviewSet) from upright RGB pixels already at screen size. */
async function previewsOf(screen: RawImage, thumbSize: number): Promise<PreviewSet> {
  const thumb = await fitWithin(screen, thumbSize);
  // The veil needs only VEIL_SOURCE_SIZE pixels across: the thumbnail holds them as well as the
  // screen image does, at a twenty-fifth of the pixels.
  const source = await veilSource(thumb);
  const veiled = await makeVeil(source, screen.width, screen.height);
  const thumbVeil = veilDimensions(thumb.width, thumb.height);
  const sameVeil = thumbVeil.width === veiled.width && thumbVeil.height === veiled.height;
  const [screenVariants, thumbVariants] = await Promise.all([
    makeEagerVariants(screen, source, SCREEN_QUALITY, veiled),
    makeVariants(thumb, source, THUMB_QUALITY, sameVeil ? veiled : undefined),
  ]);
  return { thumb: thumbVariants, screen: screenVariants };
}

function refuseOversize(header: Metadata): void {
  if (header.width * header.height > MAX_INPUT_PIXELS) {
    throw new Error('Input image exceeds pixel limit');
  }
}

/** A HEVC-coded HEIF that this libvips cannot decode itself (the prebuilt one has no HEVC). */
function needsHeifDecoder(header: Metadata): boolean {
  return header.format === 'heif' && header.compression === 'hevc' && !canDecodeHeic();
}

interface StoredPixels {
  /** RGB or RGBA, in the file's stored orientation. */
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

/** The single decode: first frame, stored orientation, shrunk on load, 8-bit sRGB. */
async function decodeOnce(
  input: string | Buffer,
  size: number,
  timeoutSeconds: number | undefined,
): Promise<StoredPixels> {
  const { data, info } = await openHostile(input, timeoutSeconds)
    .resize(size, size, { fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 && info.channels !== 4) {
    throw new Error(`unexpected channel count ${info.channels}`);
  }
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/**
 * Whether the pixels PDQ decoded are the previews' pixels too: 8-bit RGB JPEG with no ICC profile,
 * where "as the reference reads it" (no ICC transform, no orientation) and "as the previews need
 * it" (sRGB, stored orientation, turned later) are the same bytes. Then the file is decoded once,
 * not twice; anything else (a profile to apply, alpha, CMYK, grey, 16 bits) has its own decode.
 */
function previewsFromPdqPixels(header: Metadata, pixels: PdqPixels): boolean {
  return (
    header.format === 'jpeg' &&
    header.space === 'srgb' &&
    header.channels === 3 &&
    header.depth === 'uchar' &&
    header.hasProfile !== true &&
    pixels.channels === 3 &&
    pixels.width === header.width &&
    pixels.height === header.height
  );
}

/**
 * The full-size decode shrunk to the screen size. A triangle filter rather than sharp's default
 * Lanczos-3: on a 12 MP photo it costs 17 ms of CPU instead of 31 (of the ~210 ms a decode worker
 * spends on one), for a mean difference under one level per sample from a shrink-on-load decode.
 */
async function shrinkDecoded(pixels: PdqPixels, size: number): Promise<StoredPixels> {
  const { width, height } = pixels;
  const { data, info } = await sharp(pixels.data, { raw: { width, height, channels: 3 } })
    .resize(size, size, { fit: 'inside', withoutEnlargement: true, kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

/**
 * PDQ with its eight dihedral variants (for rotated and flipped copies), from a full-size decode
 * of the pixels as the reference reads them (pdq/pdq-decode.ts), under the hostile-input policy;
 * and those pixels.
 */
async function pdqAndPixels(
  input: string | Buffer,
  timeoutSeconds: number | undefined,
): Promise<{ pdq: PdqResult; pixels: PdqPixels }> {
  const open: OpenForPdq = (source, { ignoreIcc }) =>
    openHostile(source, timeoutSeconds, { ignoreIcc });
  const pixels = await decodeForPdq(input, open);
  const pdq = pdqResultOf(
    pdqDihedralFromPixels(pixels.data, pixels.width, pixels.height, pixels.channels),
  );
  return { pdq, pixels };
}

/** PDQ as pdqAndPixels gives it, for callers that want the hash alone. */
export async function hashAsReference(
  input: string | Buffer,
  timeoutSeconds: number | undefined,
): Promise<PdqResult> {
  return (await pdqAndPixels(input, timeoutSeconds)).pdq;
}

function pdqResultOf({ hashes, quality }: PdqDihedral): PdqResult {
  return { hash: hashes.orig, quality, dihedral: PDQ_DIHEDRAL_NAMES.map((n) => hashes[n]) };
}

// EXIF orientation → sharp operations, checked against sharp's own autoOrient in the tests.
const ORIENTATION: Record<number, { angle: number; flip?: boolean; flop?: boolean }> = {
  2: { angle: 0, flop: true },
  3: { angle: 180 },
  4: { angle: 0, flip: true },
  5: { angle: 90, flip: true },
  6: { angle: 90 },
  7: { angle: 90, flop: true },
  8: { angle: 270 },
};

/** Upright RGB for the previews: orientation applied, transparency laid on white paper. */
async function orient(stored: StoredPixels, orientation: number): Promise<RawImage> {
  const turn = ORIENTATION[orientation];
  if (!turn && stored.channels === 3) {
    return { data: stored.data, width: stored.width, height: stored.height, channels: 3 };
  }
  let pipeline = sharp(stored.data, {
    raw: { width: stored.width, height: stored.height, channels: stored.channels },
  });
  if (stored.channels === 4) pipeline = pipeline.flatten({ background: '#ffffff' });
  if (turn) {
    if (turn.angle !== 0) pipeline = pipeline.rotate(turn.angle);
    if (turn.flip === true) pipeline = pipeline.flip();
    if (turn.flop === true) pipeline = pipeline.flop();
  }
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}
