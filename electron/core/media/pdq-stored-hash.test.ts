// The PDQ that ingest stores (renderImage, as the decode worker runs it) against Meta's C++
// reference CLI, on every image the reference can decode: PngSuite (16-bit, grey + alpha,
// palette + tRNS, gamma chunks, interlacing, odd sizes), camera files (EXIF-rotated, TIFF, WebP,
// AVIF, HEIC) and Meta's own vectors (CMYK, 1-bit, palette, 4032x3024). Values and how they were
// made: tests/fixtures/pdq/SOURCES.md.
import { describe, expect, it } from 'vitest';
import { hashAsReference, renderImage } from './previews.ts';
import { canDecodeHeic } from './sharp-policy.ts';
import { hammingDistance } from './pdq/pdq-hex.ts';
import { fixturePath, readFixtureTsv } from '../../../tests/helpers/pdq.ts';
import { fixture } from '../../../tests/helpers/fixtures.ts';

interface Vector {
  file: string;
  path: string;
  hash: string;
  quality: number;
}

const corpus: Vector[] = [
  ...readFixtureTsv('CPP_REFERENCE_CORPUS.tsv').map((row) => ({
    file: row.filename!,
    path: fixture(row.filename!),
    hash: row.pdq_hex!,
    quality: Number(row.quality),
  })),
  ...readFixtureTsv('CPP_REFERENCE_ALL.tsv').map((row) => ({
    file: `pdq/${row.filename!}`,
    path: fixturePath(row.filename!),
    hash: row.pdq_hex!,
    quality: Number(row.quality),
  })),
];

describe('the PDQ stored at ingest agrees with the C++ reference', () => {
  it(
    'is bit-exact, hash and quality, on every image both can decode',
    { timeout: 300_000 },
    async () => {
      const decodable = corpus.filter((v) => !v.file.endsWith('.heic') || canDecodeHeic());
      expect(decodable.length).toBeGreaterThanOrEqual(239);
      const misses: { file: string; distance: number; quality: number; reference: number }[] = [];
      for (const v of decodable) {
        // The hash renderImage stores, without making eight previews of each of 239 images.
        const pdq = await hashAsReference(v.path, undefined);
        const distance = hammingDistance(pdq.hash, v.hash);
        if (distance !== 0 || pdq.quality !== v.quality) {
          misses.push({ file: v.file, distance, quality: pdq.quality, reference: v.quality });
        }
      }
      console.log(
        `stored PDQ vs C++ reference: ${decodable.length - misses.length}/${decodable.length} exact`,
      );
      expect(misses).toEqual([]);
    },
  );

  it.each([
    ['16-bit RGB, gAMA 1.0', 'pngsuite/basn2c16.png'],
    ['16-bit grey + alpha', 'pngsuite/basn4a16.png'],
    ['8-bit grey + alpha', 'pngsuite/basn4a08.png'],
    ['RGBA, gAMA 1.0', 'pngsuite/basn6a08.png'],
    ['palette + tRNS', 'pngsuite/tbbn3p08.png'],
    ['gAMA 2.5', 'pngsuite/g25n2c08.png'],
    ['gAMA 0.35 (left as stored)', 'pngsuite/g03n2c08.png'],
    ['EXIF orientation 8', 'exif/orient_Landscape_8.jpg'],
    ['TIFF', 'exif/Issue_16.tif'],
  ])('%s (%s)', async (_what, file) => {
    const v = corpus.find((c) => c.file === file);
    expect(v, file).toBeDefined();
    const { pdq } = await renderImage(v!.path);
    expect(pdq.hash).toBe(v!.hash);
    expect(pdq.quality).toBe(v!.quality);
  });
});
