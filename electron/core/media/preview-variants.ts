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
/** The veil's tones are pulled towards mid-grey so no stark shape stands out. */
const VEIL_CONTRAST = 0.6;
const VEIL_GROWTH = 5;
/** Outline blur at the screen size (1600 px); it scales with the image so thumbnails match. */
const OUTLINE_SIGMA_AT_1600 = 1.3;

const JPEG_MIME = 'image/jpeg';

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
  const bytes = await fromRaw(image).jpeg({ quality }).toBuffer();
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

/**
 * Grows the tiny source to the target size. One big cubic enlargement leaves a faint grid where the
 * kernel's pieces join, so it grows in steps of VEIL_GROWTH, blurring after each to round it off.
 */
async function veil(source: RawImage, width: number, height: number): Promise<EncodedPreview> {
  let image = source;
  while (Math.max(image.width, image.height) * VEIL_GROWTH <= Math.max(width, height)) {
    const w = image.width * VEIL_GROWTH;
    const h = image.height * VEIL_GROWTH;
    image = await toRaw(fromRaw(image).resize(w, h, { fit: 'fill', kernel: 'cubic' }).blur(2));
  }
  const grown = await toRaw(fromRaw(image).resize(width, height, { fit: 'fill', kernel: 'cubic' }));
  return encodeJpeg(grown, 85);
}

async function outline(grey: RawImage): Promise<EncodedPreview> {
  const longest = Math.max(grey.width, grey.height);
  const sigma = Math.max(0.5, (OUTLINE_SIGMA_AT_1600 * longest) / 1600);
  const soft = await toRaw(fromRaw(grey).blur(sigma));
  const lines = drawOutline(soft.data, soft.width, soft.height);
  return encodeJpeg({ data: lines, width: grey.width, height: grey.height, channels: 1 }, 85);
}

/** Makes the four variants of one preview size from oriented RGB pixels already at that size. */
export async function makeVariants(
  rgb: RawImage,
  source: RawImage,
  quality: number,
): Promise<Record<PreviewVariant, EncodedPreview>> {
  const grey = await toRaw(fromRaw(rgb).greyscale());
  const [veiled, lines, greyJpeg, plain] = await Promise.all([
    veil(source, rgb.width, rgb.height),
    outline(grey),
    encodeJpeg(grey, quality),
    encodeJpeg(rgb, quality),
  ]);
  return { veiled, outline: lines, grey: greyJpeg, plain };
}
