// Both shared iPhone HEIC files through the photo pipeline: pixels from libheif in WebAssembly,
// metadata from sharp's header read, upright exactly once.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../tests/helpers/fixtures.ts';
import { storedPreviews } from '../../../tests/helpers/media.ts';
import { hammingDistance, pdqFromPixels } from './pdq/index.ts';
import { renderImage } from './previews.ts';

/** exiftool's row for `file` in EXPECTED.tsv, by column name. */
function expected(file: string): Record<string, string> {
  const [header = '', ...lines] = readFileSync(fixture('exif', 'EXPECTED.tsv'), 'utf8').split('\n');
  const names = header.split('\t');
  const cells = lines.find((line) => line.startsWith(`${file}\t`))?.split('\t') ?? [];
  return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
}

describe.each(['Issue_263_dotnet.heic', 'exif-at-eof.heic'])('HEIC %s', (file) => {
  const row = expected(file);
  const rendered = renderImage(fixture('exif', file));

  it("is decoded, with camera, capture time and place equal to exiftool's reading", async () => {
    const { metadata, pdq, width, height } = await rendered;
    expect([width, height]).toEqual([3024, 4032]);
    expect(metadata.make).toBe(row.make);
    expect(metadata.model).toBe(row.model);
    expect(metadata.capturedAt?.slice(0, 19)).toBe(
      row.datetime_original?.replace(/^(\d{4}):(\d\d):(\d\d) /, '$1-$2-$3T'),
    );
    expect(metadata.gps?.latitude).toBeCloseTo(Number(row.gps_lat), 6);
    expect(metadata.gps?.longitude).toBeCloseTo(Number(row.gps_lon), 6);
    expect(metadata.flags.gps).toBe(true);
    expect(pdq.quality).toBeGreaterThanOrEqual(50);
  });

  it('is turned upright once: libheif applies irot, the EXIF orientation is not applied again', async () => {
    const { previews, metadata } = await rendered;
    expect(metadata.orientation).toBe(Number(row.orientation));
    for (const { preview } of storedPreviews(previews)) {
      const meta = await sharp(preview.bytes).metadata();
      // Portrait, like the decoded pixels: a second turn by EXIF 6 would make it landscape.
      expect([meta.width, meta.height]).toEqual([preview.width, preview.height]);
      expect(preview.height).toBeGreaterThan(preview.width);
    }
  });

  it('hashes the same picture the previews show', async () => {
    const { previews, pdq } = await rendered;
    const { data, info } = await sharp(previews.screen.plain.bytes)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const shown = pdqFromPixels(data, info.width, info.height, info.channels);
    expect(hammingDistance(shown.hash, pdq.hash)).toBeLessThanOrEqual(31);
  });
});
