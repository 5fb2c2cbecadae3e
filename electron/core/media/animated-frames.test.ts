// Animated GIF and WebP frames as stills, on files the test writes with sharp: each frame decoded
// alone (its PDQ matches that frame's own pixels, not its neighbours'), timed from the delays, at
// most 36 spread over a long animation, and none for a still image.
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { animatedFrames, framePicks, MAX_ANIMATED_FRAMES } from './animated-frames.ts';
import { hammingDistance } from './pdq/index.ts';
import { animatedImage, nearestFrame, stripPdqs } from '../../../tests/helpers/animated.ts';

describe('animated frames as stills', () => {
  for (const format of ['gif', 'webp'] as const) {
    it(`gives a 3-frame ${format} three stills, each its own frame, timed from the delays`, async () => {
      const frames = await animatedFrames(await animatedImage(format, [100, 200, 300]));
      expect(frames.map((f) => f.timeSeconds)).toEqual([0, 0.1, 0.3]);
      const hashes = frames.map((f) => f.pdq.hash);
      const sources = await stripPdqs(3);
      for (const [i, hash] of hashes.entries()) {
        // Each still is its own frame (palette quantisation aside), not the first one repeated.
        expect(nearestFrame(hash, sources)).toBe(i);
        for (const [j, other] of hashes.entries()) {
          if (j !== i) expect(hammingDistance(hash, other)).toBeGreaterThan(31);
        }
        expect(frames[i]?.previews.screen.veiled.mime).toBe('image/jpeg');
      }
    });
  }

  it('gives a single-frame GIF and a still PNG no stills', async () => {
    expect(await animatedFrames(await animatedImage('gif', [100]))).toEqual([]);
    const png = await sharp(await animatedImage('gif', [100]))
      .png()
      .toBuffer();
    expect(await animatedFrames(png)).toEqual([]);
  });

  it('keeps at most 36 frames of a long animation, spread from first to last', async () => {
    const count = 50;
    const frames = await animatedFrames(
      await animatedImage(
        'gif',
        Array.from({ length: count }, () => 40),
      ),
    );
    expect(frames).toHaveLength(MAX_ANIMATED_FRAMES);
    const picks = framePicks(count);
    expect(frames.map((f) => f.timeSeconds)).toEqual(picks.map((p) => (p * 40) / 1000));
    expect(picks[0]).toBe(0);
    expect(picks.at(-1)).toBeGreaterThanOrEqual(count - 2);
    const sources = await stripPdqs(count);
    expect(frames.map((f) => nearestFrame(f.pdq.hash, sources))).toEqual(picks);
  }, 60_000);

  it('picks every frame of a short animation and distinct, rising ones of a long one', () => {
    expect(framePicks(3)).toEqual([0, 1, 2]);
    const picks = framePicks(1000);
    expect(new Set(picks).size).toBe(MAX_ANIMATED_FRAMES);
    expect([...picks].sort((a, b) => a - b)).toEqual(picks);
    expect(picks.every((p) => p >= 0 && p < 1000)).toBe(true);
  });
});
