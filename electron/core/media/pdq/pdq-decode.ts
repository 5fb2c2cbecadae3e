// Decoding for the reference-exact path: pixels as the reference CLI sees them. It decodes
// through ImageMagick into PNM, so: no EXIF auto-orientation, no ICC transform, alpha
// dropped, CMYK turned into RGB by ImageMagick's profile-free formula, and 16-bit samples
// cast to 8 bits by keeping the low byte (a bug in the reference's CImg loader that its
// published hashes carry). The ingest pipeline does not use this: it hashes the pixels it
// has already decoded, through pdqFromPixels.

import sharp from 'sharp';
import type { PdqDihedral } from './pdq-dihedral.ts';
import type { PdqResult } from './pdq-hash.ts';
import { pdqDihedralFromPixels, pdqFromPixels } from './pdq-pixels.ts';

// Pixels as stored: EXIF orientation and embedded ICC profiles ignored, as ImageMagick's
// `convert FILE pnm:-` ignores them.
const AS_STORED = { autoOrient: false, ignoreIcc: true } as const;

export type PdqPixels = { data: Uint8Array; width: number; height: number; channels: number };

/** PDQ hash and quality of an image file (path or bytes), decoded as the reference does. */
export async function pdqFromFile(input: string | Buffer): Promise<PdqResult> {
  const { data, width, height, channels } = await decodeForPdq(input);
  return pdqFromPixels(data, width, height, channels);
}

/** The eight dihedral hashes of an image file, decoded as the reference does. */
export async function pdqDihedralFromFile(input: string | Buffer): Promise<PdqDihedral> {
  const { data, width, height, channels } = await decodeForPdq(input);
  return pdqDihedralFromPixels(data, width, height, channels);
}

/** The first frame's pixels, 8 bits per sample, as the reference CLI would hash them. */
export async function decodeForPdq(input: string | Buffer): Promise<PdqPixels> {
  const metadata = await sharp(input).metadata();
  if (metadata.depth === 'ushort') return lowBytesOf16Bit(input, metadata.channels ?? 3);
  if (metadata.space === 'cmyk') return rgbFromCmyk(input);
  const { data, info } = await sharp(input, AS_STORED).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

async function lowBytesOf16Bit(input: string | Buffer, channels: number): Promise<PdqPixels> {
  const space = channels <= 2 ? 'grey16' : 'rgb16';
  const { data, info } = await sharp(input, AS_STORED)
    .toColourspace(space)
    .raw({ depth: 'ushort' })
    .toBuffer({ resolveWithObject: true });
  const samples = new Uint16Array(data.buffer, data.byteOffset, data.length / 2);
  const bytes = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) bytes[i] = samples[i]! & 0xff;
  return { data: bytes, width: info.width, height: info.height, channels: info.channels };
}

// ImageMagick's CMYK to RGB: R = (1 - C)(1 - K), no colour management. A CMYK pipeline
// keeps sharp from applying its built-in CMYK profile; libjpeg's Adobe inversion is done.
async function rgbFromCmyk(input: string | Buffer): Promise<PdqPixels> {
  const { data, info } = await sharp(input, AS_STORED)
    .pipelineColourspace('cmyk')
    .toColourspace('cmyk')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = info.width * info.height;
  const rgb = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    const at = p * info.channels;
    const white = 255 - data[at + 3]!;
    for (let c = 0; c < 3; c++) rgb[p * 3 + c] = Math.round(((255 - data[at + c]!) * white) / 255);
  }
  return { data: rgb, width: info.width, height: info.height, channels: 3 };
}
