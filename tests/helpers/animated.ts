// Animated GIFs, WebPs and PNGs made by the tests: frames of random grey blocks (each frame its own seed,
// so their PDQ hashes differ), laid as one tall strip that sharp writes as pages of `pageHeight`.
import sharp from 'sharp';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPixels } from '../../electron/core/media/previews.ts';
import { hammingDistance } from '../../electron/core/media/pdq/index.ts';

const SIDE = 128;
const BLOCK = 16;

/** One frame's grey pixels: SIDE × SIDE, blocks of BLOCK pixels from a small seeded generator. */
function blocks(seed: number): Buffer {
  let state = (seed * 2654435761 + 1) >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state >>> 24;
  };
  const per = SIDE / BLOCK;
  const levels = Array.from({ length: per * per }, next);
  const out = Buffer.alloc(SIDE * SIDE);
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      out[y * SIDE + x] = levels[Math.floor(y / BLOCK) * per + Math.floor(x / BLOCK)] ?? 0;
    }
  }
  return out;
}

/** The grey pixels of `count` frames, one above the other. */
export function animatedStrip(count: number): { data: Buffer; width: number; height: number } {
  const data = Buffer.concat(Array.from({ length: count }, (_, i) => blocks(i + 1)));
  return { data, width: SIDE, height: SIDE * count };
}

/** An animated image of `delays.length` distinct frames, each shown for its delay (ms). */
export async function animatedImage(format: 'gif' | 'webp', delays: number[]): Promise<Buffer> {
  const { data, width, height } = animatedStrip(delays.length);
  // pageHeight splits the tall strip into frames.
  const raw = { width, height, channels: 1 as const, pageHeight: SIDE };
  const pipeline = sharp(data, { raw }).toColourspace('srgb');
  const options = { delay: delays, loop: 0 };
  return format === 'gif'
    ? pipeline.gif({ ...options, dither: 0, effort: 10 }).toBuffer()
    : pipeline.webp({ ...options, lossless: true }).toBuffer();
}

/** Pixel layouts Debian's ffmpeg writes APNG in, one per branch of the reader. */
export type ApngLayout = 'rgb24' | 'pal8' | 'gray' | 'ya8' | 'gray16be';

type Rgb = [number, number, number];

/**
 * An APNG written by Debian's ffmpeg (as a real encoder does), at `fps`: `frames` distinct grey
 * frames, or one solid frame per colour given.
 */
export async function animatedPng(
  frames: number | Rgb[],
  fps: number,
  layout: ApngLayout,
): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'custody-apng-'));
  try {
    const count = typeof frames === 'number' ? frames : frames.length;
    for (let i = 0; i < count; i++) {
      const colour = typeof frames === 'number' ? null : frames[i];
      const still = colour
        ? sharp({ create: { width: SIDE, height: SIDE, channels: 3, background: colour } })
        : sharp(blocks(i + 1), { raw: { width: SIDE, height: SIDE, channels: 1 } });
      await still.png().toFile(join(dir, `f${i}.png`));
    }
    const out = join(dir, 'out.apng');
    execFileSync('ffmpeg', [
      ...['-loglevel', 'error', '-framerate', String(fps), '-i', join(dir, 'f%d.png')],
      ...['-pix_fmt', layout, '-plays', '0', '-f', 'apng', out],
    ]);
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** PDQ of every frame of the strip, from its pixels before any encoder touched them. */
export async function stripPdqs(count: number): Promise<string[]> {
  const { data, width: side } = animatedStrip(count);
  const hashes: string[] = [];
  for (let i = 0; i < count; i++) {
    const grey = data.subarray(i * side * side, (i + 1) * side * side);
    const rgb = await sharp(grey, { raw: { width: side, height: side, channels: 1 } })
      .toColourspace('srgb')
      .raw()
      .toBuffer();
    const pixels = { data: rgb, width: side, height: side, channels: 3 as const };
    hashes.push((await renderPixels(pixels)).pdq.hash);
  }
  return hashes;
}

/** Which source frame a still's PDQ is nearest to. */
export function nearestFrame(hash: string, sources: string[]): number {
  const distances = sources.map((s) => hammingDistance(hash, s));
  return distances.indexOf(Math.min(...distances));
}
