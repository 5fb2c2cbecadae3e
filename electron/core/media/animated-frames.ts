// The frames of an animated GIF or WebP as stills, like a video's storyboard: each frame decoded on
// its own (libvips composites it onto the frames before it, as a viewer would show it), with its
// PDQ and eight previews. At most MAX_ANIMATED_FRAMES, spread evenly over the animation, so a
// thousand-frame GIF costs no more than a short one. APNG is read by apng-frames.ts: this libvips
// reads only the default image of a PNG (metadata reports no pages).
import type { ExtractedFrame } from '../extract/extract-result.ts';
import { openHostile } from './sharp-policy.ts';
import { renderPixels, type RenderOptions } from './previews.ts';

/** As many as a video's storyboard keeps. */
export const MAX_ANIMATED_FRAMES = 36;

const ANIMATED_FORMATS = new Set(['gif', 'webp']);

/** Which of `pages` frames to keep: all of them, or MAX_ANIMATED_FRAMES spread evenly. */
export function framePicks(pages: number, max = MAX_ANIMATED_FRAMES): number[] {
  if (pages <= max) return Array.from({ length: pages }, (_, i) => i);
  return Array.from({ length: max }, (_, i) => Math.floor((i * pages) / max));
}

/** When each frame starts, in seconds, from the per-frame delays; null where the file gives none. */
function startTimes(pages: number, delay: number[] | undefined): (number | null)[] {
  if (delay?.length !== pages) return Array.from({ length: pages }, () => null);
  let ms = 0;
  return delay.map((d) => {
    const at = ms / 1000;
    ms += Math.max(0, d);
    return at;
  });
}

/** The stills of an animated image; none for a still image or a format without frames here. */
export async function animatedFrames(
  input: string | Buffer,
  options: RenderOptions = {},
): Promise<ExtractedFrame[]> {
  // A header parse only: no pixels are decoded for a still image.
  const header = await openHostile(input, options.timeoutSeconds).metadata();
  const pages = header.pages ?? 1;
  if (pages < 2 || !ANIMATED_FORMATS.has(header.format)) return [];
  const times = startTimes(pages, header.delay);
  const frames: ExtractedFrame[] = [];
  // One frame at a time: only one frame's pixels are ever held.
  for (const page of framePicks(pages)) {
    const { data, info } = await openHostile(input, options.timeoutSeconds, { page })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3 && info.channels !== 4) {
      throw new Error(`frame ${page + 1}: unexpected channel count ${info.channels}`);
    }
    const pixels = { data, width: info.width, height: info.height, channels: info.channels };
    const { width, height, pdq, previews } = await renderPixels(pixels, options);
    frames.push({ timeSeconds: times[page] ?? null, page: null, width, height, pdq, previews });
  }
  return frames;
}
