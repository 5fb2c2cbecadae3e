// PDQ, Meta's 256-bit perceptual hash, from a luma plane; bit-exact with the C++ reference
// (facebook/ThreatExchange pdq/cpp/hashing/pdqhashing.cpp). Where the reference computes in
// float32 this does too (Math.fround, Float32Array): the bits nearest the median depend on it.
// The algorithm as the reference implements it is written up in tests/fixtures/pdq/NOTES.md.

import { PDQ_BLOCK, decimateTo64, jaroszFilter } from './pdq-downscale.ts';
import { pdqHexFromWords } from './pdq-hex.ts';

export type PdqResult = {
  /** 64 lowercase hex digits. */
  hash: string;
  /** 0..100, from the gradients of the 64x64 downsample; Meta discards 49 and below. */
  quality: number;
};

/** The 16x16 DCT coefficients (frequencies 1..16 in each direction, row-major) and quality. */
export type PdqDct = { coefficients: Float32Array; quality: number };

/** Hashes at or below this distance are the same picture (Meta's and ThreatExchange's value). */
export const PDQ_MATCH_THRESHOLD = 31;
/** Hashes below this quality say little about the picture; Meta advises discarding them. */
export const PDQ_MIN_USEFUL_QUALITY = 50;

const f = Math.fround;
const MIN_HASHABLE_DIM = 5;
const DCT_SIZE = 16;
const DCT_MATRIX = dctMatrix();

// D[i][j] = sqrt(2/64) cos(pi/128 (i+1)(2j+1)): the cosine in double, the result in float,
// exactly as the reference's table. Row 0 of the full DCT (the DC term) is left out.
function dctMatrix(): Float32Array {
  const scale = f(Math.sqrt(2 / PDQ_BLOCK));
  const matrix = new Float32Array(DCT_SIZE * PDQ_BLOCK);
  for (let i = 0; i < DCT_SIZE; i++) {
    for (let j = 0; j < PDQ_BLOCK; j++) {
      matrix[i * PDQ_BLOCK + j] =
        scale * Math.cos((Math.PI / 2 / PDQ_BLOCK) * (i + 1) * (2 * j + 1));
    }
  }
  return matrix;
}

/**
 * The DCT stage of PDQ: what the dihedral hashes are derived from. `luma` is height x width,
 * row-major, 0..255; it is not modified. Below 5 px in either direction the coefficients are
 * all zero and quality is 0, which thresholds to the reference's all-zero hash.
 */
export function pdqDctFromLuma(luma: Float32Array, width: number, height: number): PdqDct {
  checkPlane(luma, width, height);
  return dctOfOwnedPlane(Float32Array.from(luma.subarray(0, width * height)), width, height);
}

/** PDQ hash and quality of a luma plane (height x width, row-major, 0..255). */
export function pdqFromLuma(luma: Float32Array, width: number, height: number): PdqResult {
  const { coefficients, quality } = pdqDctFromLuma(luma, width, height);
  return { hash: pdqHashFromCoefficients(coefficients), quality };
}

/** As pdqDctFromLuma, but blurs `plane` in place; for callers that built the plane themselves. */
export function dctOfOwnedPlane(plane: Float32Array, width: number, height: number): PdqDct {
  if (width < MIN_HASHABLE_DIM || height < MIN_HASHABLE_DIM) {
    return { coefficients: new Float32Array(DCT_SIZE * DCT_SIZE), quality: 0 };
  }
  let blocks: Float32Array;
  if (width === PDQ_BLOCK && height === PDQ_BLOCK) {
    blocks = plane;
  } else {
    jaroszFilter(plane, new Float32Array(plane.length), width, height);
    blocks = decimateTo64(plane, width, height);
  }
  return { coefficients: dct64To16(blocks), quality: qualityOf(blocks) };
}

/**
 * One bit per coefficient: set when strictly above the median. The reference's Torben
 * median of 256 values is always the 128th smallest value itself, so a sort gives the same.
 */
export function pdqHashFromCoefficients(coefficients: Float32Array): string {
  if (coefficients.length !== DCT_SIZE * DCT_SIZE) {
    throw new RangeError('PDQ thresholds exactly 16x16 coefficients.');
  }
  const median = coefficients.slice().sort()[127]!;
  const words = new Uint16Array(DCT_SIZE);
  for (let i = 0; i < DCT_SIZE; i++) {
    let word = 0;
    for (let j = 0; j < DCT_SIZE; j++) {
      if (coefficients[i * DCT_SIZE + j]! > median) word |= 1 << j;
    }
    words[i] = word;
  }
  return pdqHexFromWords(words);
}

// Counts significant steps between neighbouring blocks: each difference is scaled to
// 0..100 in float32 and truncated toward zero, as the reference's int conversion does.
function qualityOf(blocks: Float32Array): number {
  let gradientSum = 0;
  for (let i = 0; i < PDQ_BLOCK - 1; i++) {
    for (let j = 0; j < PDQ_BLOCK; j++) {
      gradientSum += step(blocks[i * PDQ_BLOCK + j]!, blocks[(i + 1) * PDQ_BLOCK + j]!);
    }
  }
  for (let i = 0; i < PDQ_BLOCK; i++) {
    for (let j = 0; j < PDQ_BLOCK - 1; j++) {
      gradientSum += step(blocks[i * PDQ_BLOCK + j]!, blocks[i * PDQ_BLOCK + j + 1]!);
    }
  }
  return Math.min(100, Math.trunc(gradientSum / 90));
}

function step(u: number, v: number): number {
  return Math.abs(Math.trunc(f(f(f(u - v) * 100) / 255)));
}

// B = (D A) D^T over frequencies 1..16, each dot product summed in float32 in index order.
function dct64To16(blocks: Float32Array): Float32Array {
  const d = DCT_MATRIX;
  const t = new Float32Array(DCT_SIZE * PDQ_BLOCK);
  for (let i = 0; i < DCT_SIZE; i++) {
    for (let j = 0; j < PDQ_BLOCK; j++) {
      let sum = 0;
      for (let k = 0; k < PDQ_BLOCK; k++) {
        sum = f(sum + f(d[i * PDQ_BLOCK + k]! * blocks[k * PDQ_BLOCK + j]!));
      }
      t[i * PDQ_BLOCK + j] = sum;
    }
  }
  const b = new Float32Array(DCT_SIZE * DCT_SIZE);
  for (let i = 0; i < DCT_SIZE; i++) {
    for (let j = 0; j < DCT_SIZE; j++) {
      let sum = 0;
      for (let k = 0; k < PDQ_BLOCK; k++) {
        sum = f(sum + f(t[i * PDQ_BLOCK + k]! * d[j * PDQ_BLOCK + k]!));
      }
      b[i * DCT_SIZE + j] = sum;
    }
  }
  return b;
}

function checkPlane(luma: Float32Array, width: number, height: number): void {
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 0 || height < 0) {
    throw new RangeError('Width and height must be non-negative integers.');
  }
  if (luma.length < width * height) {
    throw new RangeError('The luma plane is smaller than width x height.');
  }
}
