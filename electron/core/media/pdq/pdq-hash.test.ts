import { describe, expect, it } from 'vitest';
import { decodeForPdq } from './pdq-decode.ts';
import type { SyntheticKind } from '../../../../tests/helpers/pdq.ts';
import { fixturePath, readFixtureTsv, syntheticPlane } from '../../../../tests/helpers/pdq.ts';
import { pdqDctFromLuma, pdqFromLuma, pdqHashFromCoefficients } from './pdq-hash.ts';
import { hammingDistance } from './pdq-hex.ts';
import { lumaFromPixels } from './pdq-pixels.ts';

const ZERO_HASH = '0'.repeat(64);

function noisePlane(width: number, height: number, seed: number): Float32Array {
  const plane = new Float32Array(width * height);
  let state = seed;
  for (let i = 0; i < plane.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    plane[i] = (state >>> 24) & 0xff;
  }
  return plane;
}

describe('pdqFromLuma', () => {
  // The reference core on the decoder's full-size pixels, without the CLI's pre-resize:
  // exercises box windows from 1 to 32 and planes up to 4032x3024.
  it('matches the C++ core bit for bit on full-size planes (CPP_CORE_NO512RESIZE.tsv)', async () => {
    const rows = readFixtureTsv('CPP_CORE_NO512RESIZE.tsv');
    const misses: string[] = [];
    for (const row of rows) {
      const { data, width, height, channels } = await decodeForPdq(fixturePath(row.filename!));
      expect(`${width}x${height}`).toBe(row.width_x_height);
      const result = pdqFromLuma(lumaFromPixels(data, width, height, channels), width, height);
      const distance = hammingDistance(result.hash, row.pdq_hex!);
      if (distance !== 0 || result.quality !== Number(row.quality)) {
        misses.push(`${row.filename!}: d=${distance} q=${result.quality}/${row.quality!}`);
      }
    }
    expect(rows).toHaveLength(54);
    expect(misses).toEqual([]);
  });

  // The photos above do not tell float32 from double arithmetic; these planes do (a port in
  // double precision misses about half of them), so they guard the Math.fround discipline.
  it('rounds like the reference in float32 where ties make rounding decide (FLOAT32_PLANES.tsv)', () => {
    const rows = readFixtureTsv('FLOAT32_PLANES.tsv');
    expect(rows.filter((r) => r.double_precision_distance !== '0').length).toBeGreaterThan(30);
    for (const row of rows) {
      const [width, height] = [Number(row.width), Number(row.height)];
      const plane = syntheticPlane(
        row.kind as SyntheticKind,
        width,
        height,
        Number(row.a),
        Number(row.b),
      );
      const label = `${row.kind!} ${width}x${height}`;
      expect(pdqFromLuma(plane, width, height), label).toEqual({
        hash: row.pdq_hex,
        quality: Number(row.quality),
      });
    }
  });

  it('gives the all-zero hash and quality 0 below 5 px in either direction', () => {
    expect(pdqFromLuma(noisePlane(4, 300, 1), 4, 300)).toEqual({ hash: ZERO_HASH, quality: 0 });
    expect(pdqFromLuma(noisePlane(300, 4, 2), 300, 4)).toEqual({ hash: ZERO_HASH, quality: 0 });
    expect(pdqFromLuma(new Float32Array(0), 0, 0)).toEqual({ hash: ZERO_HASH, quality: 0 });
    const smallest = pdqFromLuma(noisePlane(5, 5, 3), 5, 5);
    expect(smallest.hash).not.toBe(ZERO_HASH);
  });

  it('sets exactly half the bits when the coefficients are distinct', () => {
    const { hash } = pdqFromLuma(noisePlane(200, 150, 4), 200, 150);
    expect(hammingDistance(hash, ZERO_HASH)).toBe(128);
  });

  it('thresholds strictly above the lower median, bit k = row*16 + col from the right', () => {
    const coefficients = new Float32Array(256);
    coefficients[0] = 5; // row 0, col 0: the lowest bit of the last hex digit
    coefficients[17] = 7; // row 1, col 1: bit 17
    expect(pdqHashFromCoefficients(coefficients)).toBe(`${'0'.repeat(59)}20001`);
    // Ties at the median stay 0: 129 values of 1 and 127 of 2 set only the 2s.
    const tied = new Float32Array(256).fill(1);
    for (let k = 0; k < 127; k++) tied[k * 2] = 2;
    expect(hammingDistance(pdqHashFromCoefficients(tied), ZERO_HASH)).toBe(127);
  });

  it('leaves the caller’s luma untouched', () => {
    const plane = noisePlane(300, 200, 5);
    const copy = plane.slice();
    pdqDctFromLuma(plane, 300, 200);
    expect(plane).toEqual(copy);
  });

  it('rejects a plane smaller than its stated size', () => {
    expect(() => pdqFromLuma(new Float32Array(99), 10, 10)).toThrow(RangeError);
    expect(() => pdqFromLuma(new Float32Array(100), 10.5, 10)).toThrow(RangeError);
  });
});
