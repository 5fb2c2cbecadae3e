import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fixture, pngBombHeader } from '../../../tests/helpers/media.ts';
import { MAX_INPUT_PIXELS, openHostile } from './sharp-policy.ts';

const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64"/></svg>',
);

describe('sharp policy for hostile input', () => {
  it('refuses SVG even when it is handed straight to sharp', async () => {
    await expect(openHostile(SVG).metadata()).rejects.toThrow(/unsupported image format/);
    await expect(openHostile(SVG).raw().toBuffer()).rejects.toThrow(/unsupported image format/);
  });

  it('refuses PPM, a format evidence never needs', async () => {
    const ppm = Buffer.concat([Buffer.from('P6\n2 2\n255\n'), Buffer.alloc(12, 200)]);
    await expect(openHostile(ppm).raw().toBuffer()).rejects.toThrow(/unsupported image format/);
  });

  it('still decodes every evidence image format', async () => {
    const source = sharp({ create: { width: 8, height: 8, channels: 3, background: '#2a6' } });
    const encoded = await Promise.all([
      source.clone().jpeg().toBuffer(),
      source.clone().png().toBuffer(),
      source.clone().webp().toBuffer(),
      source.clone().gif().toBuffer(),
      source.clone().tiff().toBuffer(),
      source.clone().avif().toBuffer(),
    ]);
    for (const bytes of encoded) {
      const { info } = await openHostile(bytes).raw().toBuffer({ resolveWithObject: true });
      expect(info.width).toBe(8);
    }
  });

  it('refuses a 50,000 x 50,000 PNG from its header alone', async () => {
    const bomb = pngBombHeader();
    expect(bomb.length).toBeLessThan(200);
    expect(50_000 * 50_000).toBeGreaterThan(MAX_INPUT_PIXELS);
    // metadata() reads the header only; the refusal comes before a single row is inflated.
    await expect(openHostile(bomb).metadata()).rejects.toThrow(/exceeds pixel limit/);
  });

  it('treats a decoder warning as a failure', async () => {
    const jpeg = await readFile(fixture('exif', 'Casio_EX-S1.jpg'));
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    await expect(openHostile(truncated).raw().toBuffer()).rejects.toThrow(
      /premature end|truncated/i,
    );
  });
});
