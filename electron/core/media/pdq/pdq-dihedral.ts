// The eight dihedral PDQ hashes (rotations and flips) from one DCT, without re-hashing
// transformed pixels: a 90-degree turn transposes the DCT, and a mirror negates the odd
// frequencies along its axis. Sign patterns are the reference's (pdqhashing.cpp,
// dct16OriginalTo*). They predict, not reproduce, the hash of a transformed image: the box
// filter and block sampling are not symmetric, so expect a few bits of difference.

import { hammingDistance } from './pdq-hex.ts';
import type { PdqDct } from './pdq-hash.ts';
import { pdqHashFromCoefficients } from './pdq-hash.ts';

export const PDQ_DIHEDRAL_NAMES = [
  'orig',
  'rot90',
  'rot180',
  'rot270',
  'flipx',
  'flipy',
  'flipp',
  'flipm',
] as const;

export type PdqDihedralName = (typeof PDQ_DIHEDRAL_NAMES)[number];
export type PdqDihedralHashes = Record<PdqDihedralName, string>;
export type PdqDihedral = { hashes: PdqDihedralHashes; quality: number };

const N = 16;

// For each transform: whether the output is transposed, and whether coefficient (i, j) of
// the original (before any transpose) changes sign.
const TRANSFORMS: Record<
  PdqDihedralName,
  { transpose: boolean; negate: (i: number, j: number) => boolean }
> = {
  orig: { transpose: false, negate: () => false },
  rot90: { transpose: true, negate: (_i, j) => (j & 1) === 0 },
  rot180: { transpose: false, negate: (i, j) => ((i + j) & 1) === 1 },
  rot270: { transpose: true, negate: (i) => (i & 1) === 0 },
  flipx: { transpose: false, negate: (i) => (i & 1) === 0 },
  flipy: { transpose: false, negate: (_i, j) => (j & 1) === 0 },
  flipp: { transpose: true, negate: () => false },
  flipm: { transpose: true, negate: (i, j) => ((i + j) & 1) === 1 },
};

/** All eight hashes of the picture and its rotations/flips, sharing one quality. */
export function pdqDihedralFromDct(dct: PdqDct): PdqDihedral {
  const hashes = {} as PdqDihedralHashes;
  for (const name of PDQ_DIHEDRAL_NAMES) {
    hashes[name] = pdqHashFromCoefficients(transformCoefficients(dct.coefficients, name));
  }
  return { hashes, quality: dct.quality };
}

/** The 16x16 coefficients the named rotation or flip of the picture would have. */
export function transformCoefficients(a: Float32Array, name: PdqDihedralName): Float32Array {
  const { transpose, negate } = TRANSFORMS[name];
  const b = new Float32Array(N * N);
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      const value = negate(i, j) ? -a[i * N + j]! : a[i * N + j]!;
      b[transpose ? j * N + i : i * N + j] = value;
    }
  }
  return b;
}

/** The smallest distance from `hash` to any of the eight: how near any rotation/flip is. */
export function minDihedralDistance(hash: string, dihedral: PdqDihedralHashes): number {
  let best = Infinity;
  for (const name of PDQ_DIHEDRAL_NAMES) {
    best = Math.min(best, hammingDistance(hash, dihedral[name]));
  }
  return best;
}
