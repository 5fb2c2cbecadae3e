import { describe, expect, it } from 'vitest';
import { drawOutline } from './outline.ts';

/** The textbook 3x3 Sobel, |gx| + |gy|, border zero: what the sliding version must reproduce. */
function referenceMagnitude(g: Uint8Array, width: number, height: number): number[] {
  const m = new Array<number>(width * height).fill(0);
  const at = (x: number, y: number) => g[y * width + x]!;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const gx =
        at(x + 1, y - 1) +
        2 * at(x + 1, y) +
        at(x + 1, y + 1) -
        (at(x - 1, y - 1) + 2 * at(x - 1, y) + at(x - 1, y + 1));
      const gy =
        at(x - 1, y + 1) +
        2 * at(x, y + 1) +
        at(x + 1, y + 1) -
        (at(x - 1, y - 1) + 2 * at(x, y - 1) + at(x + 1, y - 1));
      m[y * width + x] = Math.abs(gx) + Math.abs(gy);
    }
  }
  return m;
}

function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

describe('drawOutline', () => {
  it('draws a dark line along a step edge and leaves flat areas as paper', () => {
    const width = 40;
    const height = 30;
    const grey = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 20; x < width; x++) grey[y * width + x] = 200;
    const lines = drawOutline(grey, width, height);
    for (let y = 1; y < height - 1; y++) {
      expect(lines[y * width + 19]).toBeLessThan(60);
      expect(lines[y * width + 20]).toBeLessThan(60);
      expect(lines[y * width + 5]).toBe(250);
      expect(lines[y * width + 35]).toBe(250);
    }
  });

  it.each([
    [64, 48],
    [3, 3],
    [5, 2],
    [1, 9],
  ])('shades every pixel by the same gradient as a plain 3x3 Sobel (%i x %i)', (width, height) => {
    const grey = noise(width * height, width * 31 + height);
    const lines = drawOutline(grey, width, height);
    const magnitude = referenceMagnitude(grey, width, height);
    // One shade per magnitude, and shades darken as the gradient grows.
    const shadeOf = new Map<number, number>();
    magnitude.forEach((m, i) => {
      const shade = lines[i]!;
      expect(shadeOf.get(m) ?? shade).toBe(shade);
      shadeOf.set(m, shade);
    });
    const ordered = [...shadeOf].sort((a, b) => a[0] - b[0]).map(([, shade]) => shade);
    for (let i = 1; i < ordered.length; i++)
      expect(ordered[i]).toBeLessThanOrEqual(ordered[i - 1]!);
  });
});
