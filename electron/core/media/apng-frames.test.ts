// Animated PNGs as stills, on files Debian's ffmpeg writes in each pixel layout (RGB, palette,
// grey, grey with alpha, 16-bit grey): each frame its own (its PDQ nearest that frame's source
// pixels), timed from the frame delays; a still PNG and an APNG over the pixel budget give none.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { apngFrames, readApngHeader } from './apng-frames.ts';
import { withFrames } from './image-frames.ts';
import { renderImage } from './previews.ts';
import {
  animatedPng,
  animatedStrip,
  nearestFrame,
  stripPdqs,
  type ApngLayout,
} from '../../../tests/helpers/animated.ts';

/** The mean grey level of source frame `i`. */
function meanOf(i: number): number {
  const { data, width: side } = animatedStrip(i + 1);
  const frame = data.subarray(i * side * side, (i + 1) * side * side);
  return frame.reduce((sum, v) => sum + v, 0) / frame.length;
}

describe('animated PNG frames as stills', () => {
  const layouts: ApngLayout[] = ['rgb24', 'pal8', 'gray', 'ya8', 'gray16be'];
  for (const layout of layouts) {
    it(`gives a 3-frame ${layout} APNG three stills, each its own frame, timed`, async () => {
      const { total, frames } = await apngFrames(await animatedPng(3, 10, layout));
      expect(total).toBe(3);
      expect(frames.map((f) => f.timeSeconds?.toFixed(2))).toEqual(['0.00', '0.10', '0.20']);
      const sources = await stripPdqs(3);
      expect(frames.map((f) => nearestFrame(f.pdq.hash, sources))).toEqual([0, 1, 2]);
      expect(frames.every((f) => f.previews.screen.veiled.mime === 'image/jpeg')).toBe(true);
      // The levels are the frame's own, not the high and low bytes of 16-bit samples mixed up.
      const plain = frames[1]?.previews.screen.plain.bytes ?? Buffer.alloc(0);
      const shown = (await sharp(plain).greyscale().stats()).channels[0]?.mean ?? 0;
      expect(Math.abs(shown - meanOf(1))).toBeLessThan(4);
    });
  }

  it("shows a palette APNG's colours, not its palette indices", async () => {
    const colours: [number, number, number][] = [
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
    ];
    const { frames } = await apngFrames(await animatedPng(colours, 10, 'pal8'));
    for (const [i, colour] of colours.entries()) {
      const plain = frames[i]?.previews.screen.plain.bytes ?? Buffer.alloc(0);
      const means = (await sharp(plain).stats()).channels.slice(0, 3).map((c) => c.mean);
      // ffmpeg's fixed 3-3-2 palette holds 252 for a full red or green.
      means.forEach((m, c) => expect(Math.abs(m - (colour[c] ?? 0))).toBeLessThan(8));
    }
  });

  it('marks the image animated with its frame count, which libvips alone does not', async () => {
    const bytes = await animatedPng(4, 5, 'rgb24');
    const still = await renderImage(bytes);
    expect(still.metadata.flags.animated).toBe(false);
    const image = await withFrames(still, bytes);
    expect(image.metadata).toMatchObject({ pages: 4, flags: { animated: true } });
    expect(image.frames).toHaveLength(4);
  });

  it('gives a still PNG none, and reads no frames past the pixel budget', async () => {
    const still = await sharp(animatedStrip(1).data, {
      raw: { width: 128, height: 128, channels: 1 },
    })
      .png()
      .toBuffer();
    expect(readApngHeader(still)).toBeNull();
    expect((await apngFrames(still)).frames).toEqual([]);
    // The same file's acTL claiming a million frames: refused from the header, nothing decoded.
    const bytes = await animatedPng(2, 5, 'rgb24');
    const at = bytes.indexOf('acTL', 0, 'latin1');
    const claimed = Buffer.from(bytes);
    claimed.writeUInt32BE(1_000_000, at + 4);
    expect(readApngHeader(claimed)?.frames).toBe(1_000_000);
    expect((await apngFrames(claimed)).frames).toEqual([]);
  });
});
