// The trade the ingest pipeline makes: it decodes each image once, shrunk on load to the
// screen-preview size, and derives PDQ from those pixels instead of a full-size decode.
// This measures how far that moves the hash from the reference, over every published
// vector larger than 512 px (smaller ones are not resized and are hashed exactly).
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { minDihedralDistance } from './pdq-dihedral.ts';
import { fixturePath, readFixtureTsv } from '../../../../tests/helpers/pdq.ts';
import { PDQ_MATCH_THRESHOLD } from './pdq-hash.ts';
import { hammingDistance } from './pdq-hex.ts';
import { pdqDihedralFromPixels, pdqFromPixels } from './pdq-pixels.ts';

const PREVIEW_SIDE = 1600;

async function previewPixels(file: string, autoOrient: boolean) {
  const { data, info } = await sharp(file, { autoOrient })
    .resize({
      width: PREVIEW_SIDE,
      height: PREVIEW_SIDE,
      fit: 'inside',
      withoutEnlargement: true,
      fastShrinkOnLoad: true,
    })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

describe('PDQ from the shrunk preview decode', () => {
  it('stays within 10 bits of the reference on every vector over 512 px', async () => {
    const rows: Record<string, string | number>[] = [];
    for (const row of readFixtureTsv('EXPECTED.tsv')) {
      const file = fixturePath(row.filename!);
      const { width = 0, height = 0, orientation = 1 } = await sharp(file).metadata();
      if (width <= 512 && height <= 512) continue;
      const stored = await previewPixels(file, false);
      const result = pdqFromPixels(stored.data, stored.width, stored.height, stored.channels);
      const measured: Record<string, string | number> = {
        file: row.filename!,
        size: `${width}x${height}`,
        decoded: `${stored.width}x${stored.height}`,
        distance: hammingDistance(result.hash, row.pdq_hex!),
        quality: result.quality,
      };
      if (orientation !== 1) {
        // If ingest hashed EXIF-oriented pixels instead, only the dihedral set would match.
        const turned = await previewPixels(file, true);
        const dihedral = pdqDihedralFromPixels(
          turned.data,
          turned.width,
          turned.height,
          turned.channels,
        );
        measured.orientedDirect = hammingDistance(dihedral.hashes.orig, row.pdq_hex!);
        measured.orientedDihedral = minDihedralDistance(row.pdq_hex!, dihedral.hashes);
        expect(measured.orientedDihedral).toBeLessThanOrEqual(PDQ_MATCH_THRESHOLD);
      }
      rows.push(measured);
    }
    const distances = rows.map((r) => Number(r.distance));
    const max = Math.max(...distances);
    const mean = distances.reduce((a, b) => a + b, 0) / distances.length;
    console.log(`PDQ from a ${PREVIEW_SIDE}px shrink-on-load decode vs the C++ reference:`);
    console.table(rows);
    console.log(`vectors: ${rows.length}, max distance: ${max}, mean: ${mean.toFixed(2)}`);
    expect(rows.length).toBe(22);
    expect(max).toBeLessThanOrEqual(10);
    for (const r of rows) expect(r.quality).toBeGreaterThanOrEqual(80);
  });
});
