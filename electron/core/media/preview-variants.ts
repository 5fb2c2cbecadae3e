// The four rungs of the reveal ladder (DESIGN.md §1.4), derived from pixels that are already
// decoded, oriented and shrunk: nothing here touches the original file.
import sharp from 'sharp';
import type { Sharp } from 'sharp';
import { drawOutline } from './outline.ts';

export type PreviewVariant = 'veiled' | 'outline' | 'grey' | 'plain';

export interface EncodedPreview {
  bytes: Buffer;
  mime: string;
  width: number;
  height: number;
}

/** Uncompressed 8-bit pixels, row-major, interleaved channels. */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3;
}

/**
 * Longest side of the image the veil is grown from. At about 20 pixels across, a face is a
 * pixel or two: nothing to recognise at any zoom, while the overall layout of light and dark
 * still tells a reviewer "a scene", "a document", "a screenshot".
 */
export const VEIL_SOURCE_SIZE = 20;
/**
 * Longest side of a stored veil, the thumbnail's size: a veil is a blur grown from
 * VEIL_SOURCE_SIZE pixels, so more pixels add nothing. The screen shows it scaled to the box, where
 * it reads the same at any zoom, and the thumbnail and screen veils are one image.
 */
export const VEIL_MAX_SIZE = 320;
/** The veil's tones are pulled towards mid-grey so no stark shape stands out. */
const VEIL_CONTRAST = 0.6;
const VEIL_GROWTH = 5;
/** The screen scales the small veil up: at this quality JPEG's 8-pixel blocks do not show as it does. */
const VEIL_QUALITY = 95;
/** Outline blur at the screen size (1600 px); it scales with the image so thumbnails match. */
const OUTLINE_SIGMA_AT_1600 = 1.3;

const JPEG_MIME = 'image/jpeg';
/**
 * Baseline JPEG, 4:2:0, fixed Huffman tables: optimised tables save a few per cent of bytes but cost
 * a second pass over the image, which was two thirds of the encode time of a screen preview.
 */
export const PREVIEW_JPEG = {
  optimiseCoding: false,
  chromaSubsampling: '4:2:0',
  progressive: false,
  mozjpeg: false,
  trellisQuantisation: false,
} as const;

/** A pipeline over raw pixels. One-channel pixels stay one channel: sharp's default is sRGB. */
function fromRaw(image: RawImage): Sharp {
  const raw = { width: image.width, height: image.height, channels: image.channels };
  const pipeline = sharp(image.data, { raw });
  return image.channels === 1 ? pipeline.toColourspace('b-w') : pipeline;
}

async function toRaw(pipeline: Sharp): Promise<RawImage> {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1 && info.channels !== 3) {
    throw new Error(`unexpected channel count ${info.channels}`);
  }
  return { data, width: info.width, height: info.height, channels: info.channels };
}

async function encodeJpeg(image: RawImage, quality: number): Promise<EncodedPreview> {
  const bytes = await fromRaw(image)
    .jpeg({ ...PREVIEW_JPEG, quality })
    .toBuffer();
  return { bytes, mime: JPEG_MIME, width: image.width, height: image.height };
}

/** Scales an RGB image to fit within `size` x `size` (never enlarging). */
export async function fitWithin(image: RawImage, size: number): Promise<RawImage> {
  if (Math.max(image.width, image.height) <= size) return image;
  return toRaw(fromRaw(image).resize(size, size, { fit: 'inside' }));
}

/** The tiny greyscale image every veil of this item is grown from (computed once per item). */
export async function veilSource(image: RawImage): Promise<RawImage> {
  const scale = VEIL_SOURCE_SIZE / Math.max(image.width, image.height);
  const width = Math.max(1, Math.round(image.width * Math.min(1, scale)));
  const height = Math.max(1, Math.round(image.height * Math.min(1, scale)));
  return toRaw(
    fromRaw(image)
      .greyscale()
      .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
      .linear(VEIL_CONTRAST, 128 * (1 - VEIL_CONTRAST)),
  );
}

/** The size a veil of a `width` x `height` preview is stored at: the same shape, at most VEIL_MAX_SIZE. */
export function veilDimensions(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, VEIL_MAX_SIZE / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/**
 * The veiled variant of a `width` x `height` preview, grown from the tiny source. One big cubic
 * enlargement leaves a faint grid where the kernel's pieces join, so it grows in steps of
 * VEIL_GROWTH, blurring after each to round it off.
 */
export async function makeVeil(
  source: RawImage,
  width: number,
  height: number,
): Promise<EncodedPreview> {
  const target = veilDimensions(width, height);
  let image = source;
  while (
    Math.max(image.width, image.height) * VEIL_GROWTH <=
    Math.max(target.width, target.height)
  ) {
    const w = image.width * VEIL_GROWTH;
    const h = image.height * VEIL_GROWTH;
    image = await toRaw(fromRaw(image).resize(w, h, { fit: 'fill', kernel: 'cubic' }).blur(2));
  }
  const bytes = await fromRaw(image)
    .resize(target.width, target.height, { fit: 'fill', kernel: 'cubic' })
    .jpeg({ ...PREVIEW_JPEG, quality: VEIL_QUALITY })
    .toBuffer();
  return { bytes, mime: JPEG_MIME, ...target };
}

async function outline(grey: RawImage): Promise<EncodedPreview> {
  const longest = Math.max(grey.width, grey.height);
  const sigma = Math.max(0.5, (OUTLINE_SIGMA_AT_1600 * longest) / 1600);
  const soft = await toRaw(fromRaw(grey).blur(sigma));
  const lines = drawOutline(soft.data, soft.width, soft.height);
  return encodeJpeg({ data: lines, width: grey.width, height: grey.height, channels: 1 }, 85);
}

// sRGB to grey as libvips does it (luminance in linear light, back through the sRGB curve), in
// table lookups: a third of the time of sharp's float pipeline, within one level of its output.
const LINEAR_STEPS = 4096;
const [LINEAR_R, LINEAR_G, LINEAR_B] = [0.2126, 0.7152, 0.0722].map((weight) =>
  Float32Array.from({ length: 256 }, (_, v) => {
    const c = v / 255;
    const linear = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    return weight * linear * (LINEAR_STEPS - 1);
  }),
) as [Float32Array, Float32Array, Float32Array];
const TO_SRGB = Uint8Array.from({ length: LINEAR_STEPS }, (_, i) => {
  const y = i / (LINEAR_STEPS - 1);
  return Math.round(255 * (y <= 0.0031308 ? 12.92 * y : 1.055 * y ** (1 / 2.4) - 0.055));
});

function greyscale(image: RawImage): RawImage {
  if (image.channels === 1) return image;
  const pixels = image.width * image.height;
  const rgb = image.data;
  const grey = Buffer.allocUnsafe(pixels);
  for (let i = 0, j = 0; i < pixels; i++, j += 3) {
    const y = LINEAR_R[rgb[j]!]! + LINEAR_G[rgb[j + 1]!]! + LINEAR_B[rgb[j + 2]!]!;
    grey[i] = TO_SRGB[(y + 0.5) | 0]!;
  }
  return { data: grey, width: image.width, height: image.height, channels: 1 };
}

/** JPEG quality of the screen-size previews, made at ingest or derived later. */
export const SCREEN_QUALITY = 82;
export const THUMB_QUALITY = 80;

/**
 * Screen-size variants stored at ingest: the veil, and the colour picture the others are derived
 * from on first need (deriveScreenVariants, called by preview/derived-previews.ts). Most items are settled veiled
 * or from the grid; making every screen variant of every item at ingest cost a decode worker about
 * 50 ms of CPU per 12 MP photo, a quarter of its work.
 */
export type EagerScreenVariant = 'veiled' | 'plain';
export type DerivedScreenVariant = 'outline' | 'grey';
export const DERIVED_SCREEN_VARIANTS: readonly DerivedScreenVariant[] = ['outline', 'grey'];

/**
 * Makes the four variants of one preview size from oriented RGB pixels already at that size. A
 * veil already made for this size (see veilDimensions) is reused rather than grown again.
 */
export async function makeVariants(
  rgb: RawImage,
  source: RawImage,
  quality: number,
  veiled?: EncodedPreview,
): Promise<Record<PreviewVariant, EncodedPreview>> {
  const [eager, derived] = await Promise.all([
    makeEagerVariants(rgb, source, quality, veiled),
    makeDerivedVariants(rgb, quality),
  ]);
  return { ...eager, ...derived };
}

/** The veil and the colour picture of one preview size (see EagerScreenVariant). */
export async function makeEagerVariants(
  rgb: RawImage,
  source: RawImage,
  quality: number,
  veiled?: EncodedPreview,
): Promise<Record<EagerScreenVariant, EncodedPreview>> {
  const [veil, plain] = await Promise.all([
    veiled ?? makeVeil(source, rgb.width, rgb.height),
    encodeJpeg(rgb, quality),
  ]);
  return { veiled: veil, plain };
}

/** The outline drawing and the greyscale picture, from oriented RGB pixels at their size. */
export async function makeDerivedVariants(
  rgb: RawImage,
  quality: number,
): Promise<Record<DerivedScreenVariant, EncodedPreview>> {
  const grey = greyscale(rgb);
  const [lines, greyJpeg] = await Promise.all([outline(grey), encodeJpeg(grey, quality)]);
  return { outline: lines, grey: greyJpeg };
}

/**
 * The screen outline and greyscale pictures, from the stored screen-size colour picture (a JPEG
 * Custody made: already oriented and at screen size, so the drawing matches one made at ingest).
 */
export async function deriveScreenVariants(
  plain: Buffer,
): Promise<Record<DerivedScreenVariant, EncodedPreview>> {
  const rgb = await toRaw(sharp(plain).removeAlpha().toColourspace('srgb'));
  if (rgb.channels !== 3) throw new Error(`unexpected channel count ${rgb.channels}`);
  return makeDerivedVariants(rgb, SCREEN_QUALITY);
}
