// Reads Meta's reference vectors from
// tests/fixtures/pdq, whose SOURCES.md says where each file came from.

import { readFileSync } from 'node:fs';
import { fixture } from './fixtures.ts';

export const PDQ_FIXTURES = fixture('pdq') + '/';

/** The rows of a fixture TSV as objects keyed by its header line. */
export function readFixtureTsv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(PDQ_FIXTURES + name, 'utf8')
    .trimEnd()
    .split('\n');
  const columns = (header ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? '']));
  });
}

/** A fixture file's absolute path from its path relative to tests/fixtures/pdq. */
export function fixturePath(relative: string): string {
  return PDQ_FIXTURES + relative;
}

export type SyntheticKind = 'gradient' | 'steps' | 'waves' | 'flat';

/**
 * Deterministic luma planes for FLOAT32_PLANES.tsv. Gradients, checkerboards and flat fields
 * have exactly tied DCT coefficients, where float32 rounding decides the bits.
 */
export function syntheticPlane(
  kind: SyntheticKind,
  width: number,
  height: number,
  a: number,
  b: number,
): Float32Array {
  const plane = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const v = y / height;
      let value = a;
      if (kind === 'gradient') value = Math.floor(255 * (a * u + b * v));
      if (kind === 'steps') value = ((Math.floor(u * a) + Math.floor(v * b)) % 2) * 200 + 20;
      if (kind === 'waves') value = 128 + 120 * Math.sin(a * u + b * v * v);
      plane[y * width + x] = value;
    }
  }
  return plane;
}
