import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { genericVeiledTile } from './generic-tile.ts';
import {
  FRAME_COLOURS,
  animatedImage,
  asymmetricImage,
  fixture,
  laplacianVariance,
  pngBombHeader,
  storedPreviews,
} from '../../../tests/helpers/media.ts';
import { renderImage } from './previews.ts';
import type { PreviewSet } from './previews.ts';
import { deriveScreenVariants, VEIL_MAX_SIZE, VEIL_SOURCE_SIZE } from './preview-variants.ts';

const PHOTOS = ['Canon_EOS_D60.jpg', 'JVC_GR-DC2000.jpg', 'Samsung_GT-I9000_Galaxy_S.jpg'];
const photo = (name: string): string => fixture('exif', name);

async function pixels(bytes: Buffer) {
  return sharp(bytes).raw().toBuffer({ resolveWithObject: true });
}

/** The pixels of an image that must be stored with one channel (no colour at all). */
async function singleChannel(bytes: Buffer) {
  expect((await sharp(bytes).metadata()).channels).toBe(1);
  return sharp(bytes).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true });
}

async function expectPreviewsMatchTheirLabels(previews: PreviewSet): Promise<void> {
  const derived = await deriveScreenVariants(previews.screen.plain.bytes);
  const all = [
    ...storedPreviews(previews),
    ...Object.values(derived).map((preview) => ({ preview })),
  ];
  for (const { preview } of all) {
    const meta = await sharp(preview.bytes).metadata();
    expect(meta.mediaType).toBe(preview.mime);
    expect([meta.width, meta.height]).toEqual([preview.width, preview.height]);
  }
}

describe('renderImage', () => {
  it('decodes a photo into a thumbnail and a screen image, four variants each', async () => {
    const result = await renderImage(photo('Canon_EOS_D60.jpg'));
    expect([result.width, result.height]).toEqual([1772, 1181]);
    expect(result.previews.screen.plain).toMatchObject({ width: 1600, height: 1066 });
    expect(result.previews.thumb.plain).toMatchObject({ width: 320, height: 213 });
    await expectPreviewsMatchTheirLabels(result.previews);
    expect(result.pdq.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.pdq.quality).toBeGreaterThan(50);
    expect(result.metadata.make).toBe('Canon');
  });

  it('never enlarges a small image', async () => {
    const result = await renderImage(photo('sampleWithExifData.png'));
    expect(result.previews.screen.plain).toMatchObject({ width: 256, height: 256 });
    expect(result.previews.thumb.plain).toMatchObject({ width: 256, height: 256 });
  });

  it.each(PHOTOS)('veils %s beyond recognition, in grey', async (name) => {
    const { previews } = await renderImage(photo(name));
    for (const size of ['thumb', 'screen'] as const) {
      const veiled = previews[size].veiled;
      const { data, info } = await singleChannel(veiled.bytes);
      // No fine detail: the Laplacian (edges, texture, features) is close to flat...
      const veiledEnergy = await laplacianVariance(veiled.bytes);
      expect(veiledEnergy).toBeLessThan(3);
      expect(veiledEnergy).toBeLessThan((await laplacianVariance(previews[size].plain.bytes)) / 8);
      // ...and nothing survives that a VEIL_SOURCE_SIZE-pixel image could not hold.
      const tiny = await sharp(veiled.bytes)
        .resize(VEIL_SOURCE_SIZE, VEIL_SOURCE_SIZE, { fit: 'inside' })
        .resize(info.width, info.height, { fit: 'fill', kernel: 'cubic' })
        .toColourspace('b-w')
        .raw()
        .toBuffer();
      let difference = 0;
      for (let i = 0; i < data.length; i++) difference += Math.abs(data[i]! - tiny[i]!);
      expect(difference / data.length).toBeLessThan(2.5);
    }
  });

  it('stores the veil small, in the shape of the screen image, for the screen to scale up', async () => {
    const { previews } = await renderImage(photo('Canon_EOS_D60.jpg'));
    const { screen, thumb } = previews;
    expect(Math.max(screen.veiled.width, screen.veiled.height)).toBe(VEIL_MAX_SIZE);
    expect(screen.veiled.width / screen.veiled.height).toBeCloseTo(
      screen.plain.width / screen.plain.height,
      1,
    );
    expect([thumb.veiled.width, thumb.veiled.height]).toEqual([
      thumb.plain.width,
      thumb.plain.height,
    ]);
  });

  it.each(PHOTOS)('draws %s as dark lines on light paper, without colour', async (name) => {
    const { previews } = await renderImage(photo(name));
    const screen = await deriveScreenVariants(previews.screen.plain.bytes);
    for (const outline of [previews.thumb.outline, screen.outline]) {
      const { data } = await singleChannel(outline.bytes);
      const paper = data.filter((v) => v > 200).length / data.length;
      const lines = data.filter((v) => v < 120).length / data.length;
      expect(paper).toBeGreaterThan(0.6);
      expect(lines).toBeGreaterThan(0.005);
      expect(lines).toBeLessThan(0.2);
    }
  });

  it('makes the grey variant without colour and the plain variant in colour', async () => {
    const { previews } = await renderImage(photo('Canon_EOS_D60.jpg'));
    await singleChannel((await deriveScreenVariants(previews.screen.plain.bytes)).grey.bytes);
    const { data, info } = await pixels(previews.screen.plain.bytes);
    expect(info.channels).toBe(3);
    let chroma = 0;
    for (let i = 0; i < data.length; i += 3) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      chroma += Math.max(r, g, b) - Math.min(r, g, b);
    }
    // The kayaks are blue, the vests purple: plenty of colour left in the plain variant.
    expect(chroma / (data.length / 3)).toBeGreaterThan(20);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'shows EXIF orientation %i upright, as sharp itself orients it',
    async (orientation) => {
      const input = await asymmetricImage(orientation);
      const { previews, metadata } = await renderImage(input);
      const expected = await sharp(input).autoOrient().raw().toBuffer({ resolveWithObject: true });
      const actual = await pixels(previews.screen.plain.bytes);
      expect([actual.info.width, actual.info.height]).toEqual([
        expected.info.width,
        expected.info.height,
      ]);
      expect([metadata.displayWidth, metadata.displayHeight]).toEqual([
        expected.info.width,
        expected.info.height,
      ]);
      let difference = 0;
      for (let i = 0; i < expected.data.length; i++) {
        difference += Math.abs(expected.data[i]! - actual.data[i]!);
      }
      expect(difference / expected.data.length).toBeLessThan(4);
    },
  );

  it('hashes PDQ from the pixels as stored, ignoring the orientation tag', async () => {
    const upright = await renderImage(await asymmetricImage(1));
    const turned = await renderImage(await asymmetricImage(6));
    expect(turned.pdq).toEqual(upright.pdq);
    expect(turned.previews.screen.plain.width).toBe(upright.previews.screen.plain.height);
  });

  it.each(['gif', 'webp'] as const)(
    'flags an animated %s and previews its first frame',
    async (format) => {
      const { previews, metadata } = await renderImage(await animatedImage(format));
      expect(metadata.pages).toBe(3);
      expect(metadata.flags.animated).toBe(true);
      expect(previews.screen.plain).toMatchObject({ width: 48, height: 32 });
      const stats = await sharp(previews.screen.plain.bytes).stats();
      const [red, green, blue] = stats.channels.map((c) => c.mean);
      const first = FRAME_COLOURS[0]!;
      expect(Math.abs(red! - first.r)).toBeLessThan(12);
      expect(Math.abs(green! - first.g)).toBeLessThan(12);
      expect(Math.abs(blue! - first.b)).toBeLessThan(12);
    },
  );

  it('applies an embedded colour profile to the previews, though PDQ reads the bytes without it', async () => {
    // sRGB (40, 200, 60) written as Display P3: its stored bytes are about (97, 197, 81).
    const tagged = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 40, g: 200, b: 60 } },
    })
      .withIccProfile('p3')
      .jpeg({ quality: 95 })
      .toBuffer();
    const { previews } = await renderImage(tagged);
    const { data } = await pixels(previews.screen.plain.bytes);
    expect(Math.abs(data[0]! - 40)).toBeLessThan(6);
    expect(Math.abs(data[2]! - 60)).toBeLessThan(6);
  });

  it('makes the previews of a plain sRGB JPEG from the one full-size decode, as a shrink-on-load decode would', async () => {
    const file = photo('Canon_EOS_D60.jpg');
    const { previews } = await renderImage(file);
    const mine = await pixels(previews.screen.plain.bytes);
    const { width, height } = previews.screen.plain;
    const theirs = await sharp(file).resize(width, height).raw().toBuffer();
    let difference = 0;
    for (let i = 0; i < theirs.length; i++) difference += Math.abs(mine.data[i]! - theirs[i]!);
    // JPEG at quality 82 and a different resampling path: a few levels on average, no more.
    expect(difference / theirs.length).toBeLessThan(4);
  });

  it('lays transparent pixels on white paper', async () => {
    const input = await sharp({
      create: { width: 16, height: 16, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const { previews } = await renderImage(input);
    const stats = await sharp(previews.screen.plain.bytes).stats();
    for (const channel of stats.channels) expect(channel.mean).toBeGreaterThan(250);
  });

  it('refuses a decompression bomb from its header, before decoding', async () => {
    await expect(renderImage(pngBombHeader())).rejects.toThrow(/pixel limit/);
  });
});

describe('genericVeiledTile', () => {
  it('is a calm grey square with a document glyph, drawn once', async () => {
    const tile = await genericVeiledTile();
    expect(tile).toMatchObject({ mime: 'image/png', width: 320, height: 320 });
    const { data, info } = await pixels(tile.bytes);
    let coloured = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if (data[i] !== data[i + 1] || data[i] !== data[i + 2]) coloured++;
    }
    expect(coloured).toBe(0);
    const stats = await sharp(tile.bytes).stats();
    expect(stats.channels[0]!.min).toBeGreaterThan(100);
    expect(stats.channels[0]!.max).toBeGreaterThan(stats.channels[0]!.min + 60);
    expect(await genericVeiledTile()).toBe(tile);
  });
});
