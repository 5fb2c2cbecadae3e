// Agreement with Meta's C++ reference on its published test vectors (DESIGN.md section 4).
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pdqFromFile } from './pdq-decode.ts';
import { fixturePath, readFixtureTsv } from '../../../../tests/helpers/pdq.ts';
import { hammingDistance } from './pdq-hex.ts';

type Outcome = {
  file: string;
  size: string;
  distance: number;
  quality: number;
  referenceQuality: number;
  bar: string;
};

async function hashAgainstReference(tsv: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const row of readFixtureTsv(tsv)) {
    const file = row.filename!;
    const { width = 0, height = 0, format } = await sharp(fixturePath(file)).metadata();
    const result = await pdqFromFile(fixturePath(file));
    // PNGs that skip the pre-resize are decoded identically by any correct decoder.
    const exact = format === 'png' && width <= 512 && height <= 512;
    outcomes.push({
      file,
      size: `${width}x${height}`,
      distance: hammingDistance(result.hash, row.pdq_hex!),
      quality: result.quality,
      referenceQuality: Number(row.quality),
      bar: exact ? 'exact' : '<=10 at q>=80',
    });
  }
  return outcomes;
}

describe('PDQ against the C++ reference', () => {
  it('meets the bar on every published vector (EXPECTED.tsv)', async () => {
    const outcomes = await hashAgainstReference('EXPECTED.tsv');
    console.log('PDQ vs C++ reference, EXPECTED.tsv (Hamming distance per vector):');
    console.table(outcomes);
    expect(outcomes).toHaveLength(38);
    const misses = outcomes.filter((o) =>
      o.bar === 'exact'
        ? o.distance !== 0 || o.quality !== o.referenceQuality
        : o.referenceQuality >= 80 && (o.distance > 10 || o.quality < 80),
    );
    expect(misses).toEqual([]);
  });

  // Stricter than the bar: sharp's decoders (libjpeg-turbo family, libspng, libwebp) give the
  // same pixels as ImageMagick here, so every hash is bit-exact, including CMYK, 1-bit,
  // palette, grey + alpha, 16-bit and 4032x3024 inputs. A sharp upgrade that changes JPEG
  // decoding would show up here first.
  it('is bit-exact, hash and quality, on every decodable image (CPP_REFERENCE_ALL.tsv)', async () => {
    const outcomes = await hashAgainstReference('CPP_REFERENCE_ALL.tsv');
    expect(outcomes).toHaveLength(54);
    const inexact = outcomes.filter((o) => o.distance !== 0 || o.quality !== o.referenceQuality);
    expect(inexact).toEqual([]);
  });
});
