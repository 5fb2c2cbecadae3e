// Blur-and-decimate from a full luma plane to PDQ's 64x64, as the C++ reference does it
// (pdq/cpp/downscaling/downscaling.cpp): two passes of a Jarosz box filter along rows then
// columns, then nearest sampling at block centres. The running sums are float32 in the
// reference and their rounding decides bits where coefficients tie, so every step is rounded with
// Math.fround and every intermediate plane is a Float32Array.

const f = Math.fround;
const JAROSZ_PASSES = 2;
export const PDQ_BLOCK = 64;

/** Window per pass: half a 64th of the dimension, rounded up (two passes make one block). */
export function jaroszWindowSize(dimension: number): number {
  return Math.floor((dimension + 2 * PDQ_BLOCK - 1) / (2 * PDQ_BLOCK));
}

/**
 * Blurs `plane` (height x width, row-major) in place, using `scratch` of the same size.
 * The result is in `plane`.
 */
export function jaroszFilter(
  plane: Float32Array,
  scratch: Float32Array,
  width: number,
  height: number,
): void {
  const windowAlongRows = jaroszWindowSize(width);
  const windowAlongCols = jaroszWindowSize(height);
  for (let pass = 0; pass < JAROSZ_PASSES; pass++) {
    for (let row = 0; row < height; row++) {
      box1d(plane, scratch, row * width, width, 1, windowAlongRows);
    }
    boxColumns(scratch, plane, width, height, windowAlongCols);
  }
}

// One line of a box filter: the mean of the in-range samples of a window that reaches
// (window - half) back and (half - 1) ahead. The four phases, and the add-then-subtract order
// of the running float32 sum, are the reference's; changing either moves low bits.
function box1d(
  input: Float32Array,
  output: Float32Array,
  start: number,
  length: number,
  stride: number,
  window: number,
): void {
  const half = (window + 2) >> 1;
  let left = start;
  let right = start;
  let out = start;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < half - 1; i++) {
    sum = f(sum + input[right]!);
    count++;
    right += stride;
  }
  for (let i = 0; i < window - half + 1; i++) {
    sum = f(sum + input[right]!);
    count++;
    output[out] = sum / count;
    right += stride;
    out += stride;
  }
  for (let i = 0; i < length - window; i++) {
    sum = f(sum + input[right]!);
    sum = f(sum - input[left]!);
    output[out] = sum / count;
    left += stride;
    right += stride;
    out += stride;
  }
  for (let i = 0; i < half - 1; i++) {
    sum = f(sum - input[left]!);
    count--;
    output[out] = sum / count;
    left += stride;
    out += stride;
  }
}

// box1d down every column at once, a row at a time, so memory is read in order. Each
// column's running sum sees the same additions in the same order as box1d would give it.
function boxColumns(
  input: Float32Array,
  output: Float32Array,
  width: number,
  height: number,
  window: number,
): void {
  const half = (window + 2) >> 1;
  const sums = new Float32Array(width);
  let left = 0;
  let right = 0;
  let out = 0;
  let count = 0;
  const add = (row: number): void => {
    for (let c = 0, at = row * width; c < width; c++, at++) sums[c] = sums[c]! + input[at]!;
  };
  const subtract = (row: number): void => {
    for (let c = 0, at = row * width; c < width; c++, at++) sums[c] = sums[c]! - input[at]!;
  };
  const write = (): void => {
    for (let c = 0, at = out * width; c < width; c++, at++) output[at] = sums[c]! / count;
    out++;
  };
  for (let i = 0; i < half - 1; i++, count++) add(right++);
  for (let i = 0; i < window - half + 1; i++) {
    add(right++);
    count++;
    write();
  }
  for (let i = 0; i < height - window; i++) {
    add(right++);
    subtract(left++);
    write();
  }
  for (let i = 0; i < half - 1; i++) {
    subtract(left++);
    count--;
    write();
  }
}

/** Samples the blurred plane at the centres of a 64x64 grid of blocks. */
export function decimateTo64(plane: Float32Array, width: number, height: number): Float32Array {
  const out = new Float32Array(PDQ_BLOCK * PDQ_BLOCK);
  for (let i = 0; i < PDQ_BLOCK; i++) {
    const row = Math.floor(((i + 0.5) * height) / PDQ_BLOCK);
    for (let j = 0; j < PDQ_BLOCK; j++) {
      const col = Math.floor(((j + 0.5) * width) / PDQ_BLOCK);
      out[i * PDQ_BLOCK + j] = plane[row * width + col]!;
    }
  }
  return out;
}
