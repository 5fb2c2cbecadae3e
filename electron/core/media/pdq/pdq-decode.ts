// Decoding for PDQ: pixels as Meta's reference CLI sees them, so that stored hashes match lists
// made with it. The CLI decodes through ImageMagick into PNM, and that shapes the pixels:
// - no EXIF auto-orientation, no ICC transform, full resolution;
// - alpha dropped, not composited;
// - CMYK turned into RGB by ImageMagick's profile-free formula;
// - a colour PNG with gAMA above 0.75 converted from linear light to sRGB (pdq-png-gamma.ts);
// - an image whose every pixel is grey written as one grey channel, hashed as Y = value rather
//   than through the RGB luma weights (which do not sum to exactly 1 in float32);
// - 16-bit samples cast to 8 bits by keeping the low byte (a bug in the reference's CImg loader
//   that its published hashes carry).
// Ingest and the CLI both hash through here, so there is one PDQ of a file.

import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { Sharp, SharpOptions } from 'sharp';
import type { PdqDihedral } from './pdq-dihedral.ts';
import type { PdqResult } from './pdq-hash.ts';
import { pngIsLinearLight, srgbTable16, srgbTable8 } from './pdq-png-gamma.ts';
import { pdqDihedralFromPixels, pdqFromPixels } from './pdq-pixels.ts';

// Pixels as stored: EXIF orientation and embedded ICC profiles ignored, as ImageMagick's
// `convert FILE pnm:-` ignores them.
const AS_STORED = { autoOrient: false, ignoreIcc: true } as const;

export type PdqPixels = { data: Uint8Array; width: number; height: number; channels: number };

/**
 * Opens a sharp pipeline over the input with the given constructor options. Callers decoding
 * evidence pass their hostile-input policy here; the default is plain sharp.
 */
export type OpenForPdq = (input: string | Buffer, options: SharpOptions) => Sharp;
const openPlain: OpenForPdq = (input, options) => sharp(input, options);

/** Decoded samples before the reference's 8-bit cast: 8- or 16-bit, interleaved. */
interface Samples {
  data: Uint8Array | Uint16Array;
  width: number;
  height: number;
  channels: number;
}

/** PDQ hash and quality of an image file (path or bytes), decoded as the reference does. */
export async function pdqFromFile(input: string | Buffer, open?: OpenForPdq): Promise<PdqResult> {
  const { data, width, height, channels } = await decodeForPdq(input, open);
  return pdqFromPixels(data, width, height, channels);
}

/** The eight dihedral hashes of an image file, decoded as the reference does. */
export async function pdqDihedralFromFile(
  input: string | Buffer,
  open?: OpenForPdq,
): Promise<PdqDihedral> {
  const { data, width, height, channels } = await decodeForPdq(input, open);
  return pdqDihedralFromPixels(data, width, height, channels);
}

/** The first frame's pixels, 8 bits per sample, as the reference CLI would hash them. */
export async function decodeForPdq(
  input: string | Buffer,
  open: OpenForPdq = openPlain,
): Promise<PdqPixels> {
  const metadata = await open(input, AS_STORED).metadata();
  let samples: Samples;
  if (metadata.space === 'cmyk') samples = await rgbFromCmyk(input, open);
  else if (metadata.depth === 'ushort') samples = await samples16(input, open, metadata.channels);
  else samples = await samples8(input, open);
  if (metadata.format === 'png' && pngIsLinearLight(await bytesOf(input))) toSrgb(samples);
  return lowBytes(greyOrColour(samples));
}

async function bytesOf(input: string | Buffer): Promise<Uint8Array> {
  return typeof input === 'string' ? readFile(input) : input;
}

async function samples8(input: string | Buffer, open: OpenForPdq): Promise<Samples> {
  const { data, info } = await open(input, AS_STORED).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

async function samples16(input: string | Buffer, open: OpenForPdq, channels = 3): Promise<Samples> {
  const space = channels <= 2 ? 'grey16' : 'rgb16';
  const { data, info } = await open(input, AS_STORED)
    .toColourspace(space)
    .raw({ depth: 'ushort' })
    .toBuffer({ resolveWithObject: true });
  const wide = new Uint16Array(data.buffer, data.byteOffset, data.length / 2);
  return { data: wide, width: info.width, height: info.height, channels: info.channels };
}

// ImageMagick's CMYK to RGB: R = (1 - C)(1 - K), no colour management. A CMYK pipeline
// keeps sharp from applying its built-in CMYK profile; libjpeg's Adobe inversion is done.
async function rgbFromCmyk(input: string | Buffer, open: OpenForPdq): Promise<Samples> {
  const { data, info } = await open(input, AS_STORED)
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

/** Linear light to sRGB, in place, on the colour channels (alpha is dropped later anyway). */
function toSrgb(samples: Samples): void {
  const table = samples.data instanceof Uint16Array ? srgbTable16() : srgbTable8();
  const { data, channels } = samples;
  const colours = Math.min(channels, 3);
  for (let at = 0; at < data.length; at += channels) {
    for (let c = 0; c < colours; c++) data[at + c] = table[data[at + c]!]!;
  }
}

/**
 * Alpha dropped; one channel when every pixel is grey (R = G = B, compared before any 8-bit
 * cast, as ImageMagick compares its own samples), else three.
 */
function greyOrColour(samples: Samples): Samples {
  if (samples.channels <= 2) return keepChannels(samples, 1);
  return keepChannels(samples, allGrey(samples.data, samples.channels) ? 1 : 3);
}

function allGrey(data: Uint8Array | Uint16Array, channels: number): boolean {
  if (channels < 3) return true;
  for (let at = 0; at < data.length; at += channels) {
    const r = data[at];
    if (data[at + 1] !== r || data[at + 2] !== r) return false;
  }
  return true;
}

function keepChannels(samples: Samples, keep: number): Samples {
  const { data, width, height, channels } = samples;
  if (keep === channels) return samples;
  const pixels = width * height;
  const out =
    data instanceof Uint16Array ? new Uint16Array(pixels * keep) : new Uint8Array(pixels * keep);
  for (let p = 0; p < pixels; p++) {
    for (let c = 0; c < keep; c++) out[p * keep + c] = data[p * channels + c]!;
  }
  return { data: out, width, height, channels: keep };
}

/** The reference's 8-bit cast: 16-bit samples keep only their low byte. */
function lowBytes(samples: Samples): PdqPixels {
  const { data, width, height, channels } = samples;
  if (data instanceof Uint8Array) return { data, width, height, channels };
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) bytes[i] = data[i]! & 0xff;
  return { data: bytes, width, height, channels };
}
