// An animated image's frames as stills, from the decoder that can read them: libvips for GIF and
// WebP, fast-png for APNG (which libvips reads as a still PNG, so its metadata is corrected here).
import { animatedFrames } from './animated-frames.ts';
import { apngFrames } from './apng-frames.ts';
import type { RenderedImage, RenderOptions } from './previews.ts';

export async function withFrames(
  image: RenderedImage,
  input: string | Buffer,
  options: RenderOptions = {},
): Promise<RenderedImage> {
  const { metadata } = image;
  if (metadata.flags.animated) {
    const frames = await animatedFrames(input, options);
    return frames.length > 0 ? { ...image, frames } : image;
  }
  if (metadata.format !== 'png') return image;
  const { total, frames } = await apngFrames(input, options);
  if (frames.length === 0) return image;
  const flags = { ...metadata.flags, animated: true };
  return { ...image, frames, metadata: { ...metadata, pages: total, flags } };
}
