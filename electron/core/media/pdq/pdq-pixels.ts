// PDQ from decoded 8-bit pixels, the way the reference CLI gets from its decoded image to a
// luma plane (pdq/cpp/io/pdqio.cpp): a picture larger than 512 px either way is first
// resized to exactly 512x512 by nearest neighbour (aspect ratio not kept), then
// Y = 0.299 R + 0.587 G + 0.114 B in float32, or Y = value for grey. Alpha is ignored, not
// composited over anything, as the reference's decoder drops it.

import type { PdqDihedral } from './pdq-dihedral.ts';
import { pdqDihedralFromDct } from './pdq-dihedral.ts';
import type { PdqDct, PdqResult } from './pdq-hash.ts';
import { dctOfOwnedPlane, pdqHashFromCoefficients } from './pdq-hash.ts';

/** The side the reference CLI resizes larger pictures to before hashing. */
export const PDQ_PRE_RESIZE = 512;

const f = Math.fround;
const LUMA_R = f(0.299);
const LUMA_G = f(0.587);
const LUMA_B = f(0.114);

/**
 * PDQ of interleaved 8-bit pixels: `channels` is 1 (grey), 2 (grey + alpha), 3 (RGB) or
 * 4 (RGBA), rows top to bottom, no padding.
 */
export function pdqFromPixels(
  data: Uint8Array,
  width: number,
  height: number,
  channels: number,
): PdqResult {
  const { coefficients, quality } = pdqDctFromPixels(data, width, height, channels);
  return { hash: pdqHashFromCoefficients(coefficients), quality };
}

/** The eight dihedral hashes of interleaved 8-bit pixels (see pdqFromPixels). */
export function pdqDihedralFromPixels(
  data: Uint8Array,
  width: number,
  height: number,
  channels: number,
): PdqDihedral {
  return pdqDihedralFromDct(pdqDctFromPixels(data, width, height, channels));
}

/** The DCT stage for interleaved 8-bit pixels (see pdqFromPixels). */
export function pdqDctFromPixels(
  data: Uint8Array,
  width: number,
  height: number,
  channels: number,
): PdqDct {
  checkPixels(data, width, height, channels);
  const resized = width > PDQ_PRE_RESIZE || height > PDQ_PRE_RESIZE;
  const outWidth = resized ? PDQ_PRE_RESIZE : width;
  const outHeight = resized ? PDQ_PRE_RESIZE : height;
  const plane = lumaPlane(data, width, height, channels, outWidth, outHeight);
  return dctOfOwnedPlane(plane, outWidth, outHeight);
}

/**
 * The float32 luma plane of interleaved 8-bit pixels at their own size (no pre-resize):
 * the input pdqFromLuma expects, for callers that want the core algorithm alone.
 */
export function lumaFromPixels(
  data: Uint8Array,
  width: number,
  height: number,
  channels: number,
): Float32Array {
  checkPixels(data, width, height, channels);
  return lumaPlane(data, width, height, channels, width, height);
}

// Luma at outWidth x outHeight, sampling source pixel floor(x * width / outWidth) as the
// reference's CImg nearest-neighbour resize does; an identity when the sizes are equal.
function lumaPlane(
  data: Uint8Array,
  width: number,
  height: number,
  channels: number,
  outWidth: number,
  outHeight: number,
): Float32Array {
  const sourceCols = new Uint32Array(outWidth);
  for (let x = 0; x < outWidth; x++) sourceCols[x] = Math.floor((x * width) / outWidth);
  const grey = channels < 3;
  const plane = new Float32Array(outWidth * outHeight);
  for (let y = 0; y < outHeight; y++) {
    const rowStart = Math.floor((y * height) / outHeight) * width;
    for (let x = 0; x < outWidth; x++) {
      const p = (rowStart + sourceCols[x]!) * channels;
      plane[y * outWidth + x] = grey
        ? data[p]!
        : f(f(f(LUMA_R * data[p]!) + f(LUMA_G * data[p + 1]!)) + f(LUMA_B * data[p + 2]!));
    }
  }
  return plane;
}

function checkPixels(data: Uint8Array, width: number, height: number, channels: number): void {
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 0 || height < 0) {
    throw new RangeError('Width and height must be non-negative integers.');
  }
  if (channels !== 1 && channels !== 2 && channels !== 3 && channels !== 4) {
    throw new RangeError('PDQ takes 1, 2, 3 or 4 channels of 8-bit pixels.');
  }
  if (data.length < width * height * channels) {
    throw new RangeError('The pixel buffer is smaller than width x height x channels.');
  }
}
